"""A user changes their own password: required after an administrator set a temporary one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from chitieu.web.accounts.forms import OwnPasswordForm
from chitieu.web.accounts.services import AccountError, set_password


@login_required
@require_http_methods(["GET", "POST"])
def change_password(request: HttpRequest) -> HttpResponse:
    profile = getattr(request.user, "profile", None)
    required = bool(profile and profile.must_change_password)
    form = OwnPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            set_password(request.user, form.cleaned_data["new_password1"], actor=request.user)
        except AccountError as error:
            form.add_error("new_password1", str(error))
        else:
            update_session_auth_hash(request, request.user)
            messages.success(request, "Đã đổi mật khẩu.")
            return redirect(_next(request))
    status = 400 if form.errors else 200
    context = {"form": form, "required": required, "next": _next(request)}
    return render(request, "registration/password_change.html", context, status=status)


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if safe else "/"
