# category: xss
# label: vulnerable
# source: Django docs: django.utils.safestring.mark_safe (ref/utils)
# expect: 15
# note: mark_safe() is applied to a string with the raw POSTed comment interpolated, so the template outputs attacker HTML unescaped.

from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST


@require_POST
def comment_preview(request):
    text = request.POST.get("text", "")
    preview = mark_safe("<div class='comment'>%s</div>" % text)
    return render(request, "comments/preview.html", {"preview": preview})
