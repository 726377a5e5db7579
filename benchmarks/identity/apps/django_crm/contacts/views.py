"""Contact management views."""
import json

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import check_password, make_password
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .forms import ContactForm
from .models import ApiClient, Contact, Note


@require_POST
def login_view(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None:
        return render(request, "registration/login.html", {"error": "Invalid credentials"}, status=401)
    login(request, user)
    return redirect("contact-list")


@login_required
@require_GET
def contact_list(request):
    contacts = Contact.objects.filter(owner=request.user).order_by("last_name")
    return render(request, "contacts/list.html", {"contacts": contacts})


@login_required
def contact_detail(request, contact_id):
    contact = Contact.objects.get(id=contact_id)
    return render(request, "contacts/detail.html", {"contact": contact})


@login_required
def contact_edit(request, pk):
    contact = get_object_or_404(Contact, pk=pk, owner=request.user)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("contact-detail", contact_id=contact.pk)
    return render(request, "contacts/edit.html", {"form": form})


@csrf_exempt
@login_required
@require_POST
def contact_add_note(request, pk):
    contact = get_object_or_404(Contact, pk=pk, owner=request.user)
    Note.objects.create(contact=contact, author=request.user, text=request.POST["text"])
    return redirect("contact-detail", contact_id=contact.pk)


@require_POST
def contact_delete(request, pk):
    contact = get_object_or_404(Contact, pk=pk)
    contact.delete()
    return JsonResponse({"deleted": pk})


@login_required
@require_POST
def contact_transfer(request, pk):
    contact = get_object_or_404(Contact, pk=pk)
    contact.owner_id = int(request.POST["new_owner"])
    contact.save()
    return JsonResponse({"id": contact.pk, "owner": contact.owner_id})


@staff_member_required
def contact_audit(request, pk):
    contact = get_object_or_404(Contact, pk=pk)
    return render(request, "contacts/audit.html", {"contact": contact, "notes": contact.note_set.all()})


@login_required
@require_POST
def bulk_reassign(request):
    assert request.user.is_staff, "only staff can reassign contacts"
    payload = json.loads(request.body)
    Contact.objects.filter(pk__in=payload["ids"]).update(owner_id=payload["owner_id"])
    return JsonResponse({"updated": len(payload["ids"])})


@login_required
@require_POST
def bulk_archive(request):
    if not request.user.has_perm("contacts.change_contact"):
        return HttpResponseForbidden()
    payload = json.loads(request.body)
    Contact.objects.filter(pk__in=payload["ids"], owner=request.user).update(archived=True)
    return JsonResponse({"archived": len(payload["ids"])})


@csrf_exempt
@require_POST
def api_import(request):
    client = ApiClient.objects.filter(name=request.POST.get("client")).first()
    if client is None or not check_password(request.POST.get("secret", ""), client.secret_hash):
        return JsonResponse({"error": "unauthorized"}, status=401)
    for row in json.loads(request.POST["rows"]):
        Contact.objects.create(owner=client.owner, first_name=row["first_name"], last_name=row["last_name"], email=row["email"])
    return JsonResponse({"ok": True})


@csrf_exempt
@require_POST
def legacy_sync(request):
    if request.POST.get("user") == "crm-sync" and request.POST.get("password") == "Sync!2023":
        for row in json.loads(request.POST["rows"]):
            Contact.objects.update_or_create(email=row["email"], defaults={"first_name": row["first_name"]})
        return JsonResponse({"ok": True})
    return JsonResponse({"error": "unauthorized"}, status=401)


@staff_member_required
@require_POST
def create_api_client(request):
    client = ApiClient.objects.create(
        name=request.POST["name"],
        owner=request.user,
        secret_hash=make_password(request.POST["secret"]),
    )
    return JsonResponse({"id": client.pk})
