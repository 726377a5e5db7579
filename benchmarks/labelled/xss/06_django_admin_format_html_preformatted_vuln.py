# category: xss
# label: vulnerable
# source: Django docs: django.utils.html.format_html (ref/utils); Django 5.0 release notes deprecate calling format_html() without args or kwargs
# expect: 19
# note: the f-string interpolates the user-editable bio and display_name before format_html runs, so nothing is escaped and the admin changelist gets stored XSS.

from django.contrib import admin
from django.utils.html import format_html

from .models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "badge")

    @admin.display(description="Badge")
    def badge(self, obj):
        return format_html(f'<span class="badge" title="{obj.bio}">{obj.display_name}</span>')
