"""Clinic API views: patients, appointments, prescriptions."""
import requests
from django.conf import settings
from django.shortcuts import get_object_or_404
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .authentication import IsDoctor, LabKeyAuthentication, peek_role
from .models import Appointment, LabResult, Patient, Prescription


class PatientSerializer(serializers.ModelSerializer):
    class Meta:
        model = Patient
        fields = ["id", "first_name", "last_name", "date_of_birth", "phone", "email"]


class AppointmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Appointment
        fields = ["id", "patient", "doctor", "starts_at", "reason", "status"]
        read_only_fields = ["doctor", "status"]


class PatientViewSet(viewsets.ModelViewSet):
    serializer_class = PatientSerializer
    permission_classes = [IsAuthenticated, IsDoctor]

    def get_queryset(self):
        return Patient.objects.filter(care_team=self.request.user)

    @action(detail=True, methods=["patch"])
    def contact(self, request, pk=None):
        patient = get_object_or_404(Patient, pk=pk)
        patient.__dict__.update(request.data)
        patient.save()
        return Response(PatientSerializer(patient).data)


class AppointmentViewSet(viewsets.ModelViewSet):
    serializer_class = AppointmentSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        user = self.request.user
        if user.role == "doctor":
            return Appointment.objects.filter(doctor=user)
        return Appointment.objects.filter(patient__user=user)

    def perform_create(self, serializer):
        serializer.save(doctor=self.request.user if self.request.user.role == "doctor" else None)


class PrescriptionView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request, patient_id):
        assert request.user.role == "doctor", "only doctors prescribe"
        patient = get_object_or_404(Patient, pk=patient_id, care_team=request.user)
        rx = Prescription.objects.create(patient=patient, doctor=request.user, drug=request.data["drug"], dose=request.data["dose"])
        return Response({"id": rx.pk}, status=status.HTTP_201_CREATED)

    def delete(self, request, patient_id):
        if request.user.role != "doctor":
            raise PermissionDenied("only doctors cancel prescriptions")
        Prescription.objects.filter(patient_id=patient_id, doctor=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class LabResultView(APIView):
    authentication_classes = [LabKeyAuthentication]
    permission_classes = [IsAuthenticated]

    def post(self, request):
        LabResult.objects.create(patient_id=request.data["patient_id"], code=request.data["code"], value=request.data["value"])
        return Response(status=status.HTTP_201_CREATED)


@api_view(["POST"])
def close_day(request):
    role = peek_role(request.headers.get("Authorization", "")[7:])
    if role != "admin":
        raise PermissionDenied()
    Appointment.objects.filter(status="scheduled").update(status="closed")
    return Response({"closed": True})


@api_view(["POST"])
def archive_patient(request, pk):
    if request.user.role != "admin":
        raise PermissionDenied()
    Patient.objects.filter(pk=pk).update(archived=True)
    return Response({"archived": pk})


@api_view(["POST"])
@permission_classes([IsAuthenticated, IsDoctor])
def verify_insurance(request, pk):
    patient = get_object_or_404(Patient, pk=pk, care_team=request.user)
    resp = requests.post(
        f"{settings.INSURANCE_API}/eligibility",
        headers={"X-Api-Key": settings.PHARMACY_API_KEY},
        json={"member_id": patient.insurance_member_id},
        timeout=15,
    )
    return Response(resp.json())
