# category: xss
# label: safe
# source: Django docs: django.utils.html.format_html (ref/utils); Django 5.0 release notes deprecate calling format_html() without args or kwargs
# note: format_html gets a constant format string and the profile fields as arguments, which it escapes with conditional_escape.

from django.contrib import admin
from django.utils.html import format_html

from .models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "badge")

    @admin.display(description="Badge")
    def badge(self, obj):
        return format_html('<span class="badge" title="{}">{}</span>', obj.bio, obj.display_name)
