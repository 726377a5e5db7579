# category: template-injection
# label: safe
# source: Django docs: Templates (topics/templates), warning "The template system isn't safe against untrusted template authors"
# note: the template source is built only from module constants; the user's note is passed in the Context and rendered as an autoescaped variable.

from django.http import JsonResponse
from django.template import Context, Template
from django.views.decorators.http import require_POST

NOTE_TEMPLATE = "Thank you {{ customer.get_short_name }}, your total is {{ total }}."


@require_POST
def render_invoice_note(request):
    note = request.POST.get("note", "")
    context = Context({"customer": request.user, "total": "120.00", "note": note})
    text = Template(NOTE_TEMPLATE + " {{ note }}").render(context)
    return JsonResponse({"note": text})
