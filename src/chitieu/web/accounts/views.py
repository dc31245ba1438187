"""The users page: the administrator lists, adds, locks users and sets their role, department
and password. Every change goes through accounts.services and leaves an audit entry, as
`chitieu users` does.

Each view: check the role, bind the form, make one service call, redirect or render.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from chitieu.web.accounts.forms import NewUserForm, TokenForm, UserForm
from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import require_admin, role_of
from chitieu.web.accounts.services import AccountError, create_user
from chitieu.web.accounts.users import change_user
from chitieu.web.api.models import ApiToken
from chitieu.web.api.services import issue_token, list_tokens, revoke_token


def _rows(forms: dict[int, UserForm]) -> list[tuple[Any, UserForm]]:
    users = get_user_model().objects.select_related("profile__department").order_by("username")
    rows = []
    for user in users:
        form = forms.get(user.pk) or UserForm(prefix=f"u{user.pk}", initial=_initial(user))
        rows.append((user, form))
    return rows


def _initial(user: Any) -> dict[str, Any]:
    profile = getattr(user, "profile", None)
    department = profile.department if profile is not None else None
    return {
        "role": (role_of(user) or Role.VIEWER).value,
        "department": department.code if department is not None else None,
        "active": user.is_active,
    }


def _page(
    request: HttpRequest,
    *,
    new: NewUserForm | None = None,
    token_form: TokenForm | None = None,
    issued: tuple[ApiToken, str] | None = None,
    **forms: UserForm,
) -> HttpResponse:
    bound = {int(key[1:]): form for key, form in forms.items()}
    context = {
        "new": new or NewUserForm(prefix="new"),
        "rows": _rows(bound),
        "token_form": token_form or TokenForm(prefix="token"),
        "tokens": list_tokens(),
        "issued": issued,
    }
    invalid = (
        (new is not None and new.errors)
        or (token_form is not None and token_form.errors)
        or any(f.errors for f in bound.values())
    )
    return render(request, "accounts/users.html", context, status=400 if invalid else 200)


@login_required
@require_http_methods(["GET", "POST"])
def users(request: HttpRequest) -> HttpResponse:
    require_admin(request.user)
    if request.method == "GET":
        return _page(request)
    form = NewUserForm(request.POST, prefix="new")
    if form.is_valid():
        data = form.cleaned_data
        try:
            create_user(
                data["username"],
                role=form.chosen_role,
                department=data["department"] if form.chosen_role is Role.DEPARTMENT else None,
                password=data["password"],
                actor=request.user,
            )
        except AccountError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"Đã tạo người dùng {data['username']} ({form.chosen_role.label})."
            )
            return redirect("accounts:users")
    return _page(request, new=form)


@login_required
@require_POST
def user_change(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request.user)
    user = get_object_or_404(get_user_model(), pk=pk)
    form = UserForm(request.POST, prefix=f"u{user.pk}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            done = change_user(
                user,
                role=form.chosen_role,
                department=data["department"],
                active=data["active"],
                password=data["password"] or None,
                actor=request.user,
            )
        except AccountError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done)
            return redirect("accounts:users")
    return _page(request, **{f"u{user.pk}": form})


@login_required
@require_POST
def token_issue(request: HttpRequest) -> HttpResponse:
    """Issue a token and show it on this one answer only (never stored, never redirected)."""
    require_admin(request.user)
    form = TokenForm(request.POST, prefix="token")
    if not form.is_valid():
        return _page(request, token_form=form)
    token, text = issue_token(
        form.cleaned_data["user"], form.cleaned_data["name"], actor=request.user
    )
    response = _page(request, issued=(token, text))
    response["Cache-Control"] = "no-store"  # the token must not stay in any cache
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request.user)
    token = revoke_token(get_object_or_404(ApiToken, pk=pk), actor=request.user)
    messages.success(request, f"Đã thu hồi mã truy cập API {token.prefix}… ({token.name}).")
    return redirect("accounts:users")
