# category: nosql-injection
# label: safe
# source: OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6); CWE-943: Improper Neutralization of Special Elements in Data Query Logic
# expect: none
# note: Anything that is not a str is rejected with 400 before the query, so the token can only be matched by equality.
import json

from django.http import JsonResponse
from django.views import View
from pymongo import MongoClient

notes = MongoClient()["notes_app"]["notes"]


class SharedNoteView(View):
    def post(self, request):
        payload = json.loads(request.body or b"{}")
        token = payload.get("token")
        if not isinstance(token, str):
            return JsonResponse({"error": "token must be a string"}, status=400)
        note = notes.find_one({"share_token": token}, {"_id": 0, "title": 1, "body": 1})
        if note is None:
            return JsonResponse({"error": "not found"}, status=404)
        return JsonResponse(note)
