# category: template-injection
# label: vulnerable
# source: Django docs: Templates (topics/templates), warning "The template system isn't safe against untrusted template authors"
# expect: 16
# note: a Django Template is compiled from request.POST, so the author can read attributes of context objects such as {{ customer.password }} (template injection).

from django.http import JsonResponse
from django.template import Context, Template
from django.views.decorators.http import require_POST


@require_POST
def render_invoice_note(request):
    note_template = request.POST.get("note", "")
    context = Context({"customer": request.user, "total": "120.00"})
    text = Template(note_template).render(context)
    return JsonResponse({"note": text})
