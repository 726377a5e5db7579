# category: xss
# label: safe
# source: Django docs: django.utils.safestring.mark_safe (ref/utils)
# note: django.utils.html.escape() encodes the comment before interpolation, so mark_safe only vouches for the literal <div> wrapper.

from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST


@require_POST
def comment_preview(request):
    text = request.POST.get("text", "")
    preview = mark_safe("<div class='comment'>%s</div>" % escape(text))
    return render(request, "comments/preview.html", {"preview": preview})
