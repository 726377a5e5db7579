# category: nosql-injection
# label: vulnerable
# source: OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6); CWE-943: Improper Neutralization of Special Elements in Data Query Logic
# expect: 19
# note: The share token from the JSON body may be an object such as {"$exists": true}, which opens any shared note.
import json

from django.http import JsonResponse
from django.views import View
from pymongo import MongoClient

notes = MongoClient()["notes_app"]["notes"]


class SharedNoteView(View):
    def post(self, request):
        payload = json.loads(request.body or b"{}")
        token = payload.get("token")
        note = notes.find_one({"share_token": token}, {"_id": 0, "title": 1, "body": 1})
        if note is None:
            return JsonResponse({"error": "not found"}, status=404)
        return JsonResponse(note)
