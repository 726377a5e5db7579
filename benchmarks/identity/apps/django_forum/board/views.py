"""Forum board: threads, posts, moderation, email confirmation and invites."""
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required, permission_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt, ensure_csrf_cookie
from django.views.decorators.http import require_http_methods, require_POST

from .forms import PostForm, SignupForm
from .models import Post, Thread

User = get_user_model()


@ensure_csrf_cookie
def thread_list(request):
    threads = Thread.objects.filter(hidden=False).order_by("-updated_at")[:50]
    return render(request, "board/thread_list.html", {"threads": threads})


@require_http_methods(["GET", "POST"])
def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.set_password(form.cleaned_data["password"])
        user.is_active = False
        user.save()
        token = signing.dumps({"uid": user.pk}, salt="confirm-email")
        user.email_user("Confirm your account", f"{settings.SITE_URL}/confirm/{token}/")
        return redirect("check-inbox")
    return render(request, "registration/signup.html", {"form": form})


def confirm_email(request, token):
    try:
        data = signing.loads(token, salt="confirm-email", max_age=60 * 60 * 24)
    except signing.BadSignature:
        return render(request, "registration/bad_link.html", status=400)
    user = get_object_or_404(User, pk=data["uid"])
    user.is_active = True
    user.save()
    login(request, user)
    return redirect("thread-list")


def accept_invite(request, token):
    data = signing.loads(token, salt="invite")
    thread = get_object_or_404(Thread, pk=data["thread_id"])
    request.session["invited_thread"] = thread.pk
    return redirect("thread-detail", pk=thread.pk)


@login_required
@require_POST
def post_edit(request, pk):
    post = get_object_or_404(Post, pk=pk)
    if post.author_id != request.user.id:
        return HttpResponseForbidden()
    form = PostForm(request.POST, instance=post)
    if form.is_valid():
        form.save()
    return redirect("thread-detail", pk=post.thread_id)


@login_required
@require_POST
def post_delete(request, pk):
    post = get_object_or_404(Post, pk=pk)
    thread_id = post.thread_id
    post.delete()
    return redirect("thread-detail", pk=thread_id)


@staff_member_required
@require_POST
def thread_hide(request, pk):
    thread = get_object_or_404(Thread, pk=pk)
    thread.hidden = True
    thread.save(update_fields=["hidden"])
    return redirect("thread-list")


@login_required
@require_POST
def thread_lock(request, pk):
    if request.COOKIES.get("is_moderator") == "true":
        thread = get_object_or_404(Thread, pk=pk)
        thread.locked = True
        thread.save(update_fields=["locked"])
        return redirect("thread-detail", pk=pk)
    raise PermissionDenied


@login_required
@permission_required("board.change_thread", raise_exception=True)
@require_POST
def thread_pin(request, pk):
    thread = get_object_or_404(Thread, pk=pk)
    thread.pinned = not thread.pinned
    thread.save(update_fields=["pinned"])
    return redirect("thread-detail", pk=pk)


@login_required
@require_POST
def change_theme(request):
    if request.COOKIES.get("theme") == "dark":
        request.session["theme"] = "light"
    else:
        request.session["theme"] = "dark"
    return JsonResponse({"theme": request.session["theme"]})


@csrf_exempt
@login_required
def post_react(request, pk):
    if request.method != "POST":
        return JsonResponse({"error": "POST only"}, status=405)
    post = get_object_or_404(Post, pk=pk, thread__hidden=False)
    post.reactions.update_or_create(user=request.user, defaults={"emoji": request.POST["emoji"]})
    return JsonResponse({"ok": True})


@login_required
@require_POST
def profile_update(request):
    for field, value in request.POST.items():
        if field != "csrfmiddlewaretoken":
            setattr(request.user, field, value)
    request.user.save()
    return redirect("profile")


def unsubscribe(request, token):
    signer = signing.TimestampSigner(salt="unsubscribe")
    user_pk = signer.unsign(token, max_age=60 * 60 * 24 * 30)
    User.objects.filter(pk=user_pk).update(wants_digest=False)
    return render(request, "board/unsubscribed.html")
