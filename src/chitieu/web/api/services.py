"""Issuing, revoking and checking personal API tokens; each change is audited."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from chitieu.web.accounts.permissions import require_admin
from chitieu.web.api.models import ApiToken
from chitieu.web.audit.models import AuditAction
from chitieu.web.audit.services import record_audit

TOKEN_PREFIX = "ctk_"  # makes a leaked token recognisable to secret scanners and people


def digest(token: str) -> str:
    # A token is 32 random bytes, so a plain SHA-256 is enough: there is nothing to brute-force.
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue_token(user: Any, name: str, *, actor: Any | None) -> tuple[ApiToken, str]:
    """A new token for `user`; the token text is returned once and never stored."""
    require_admin(actor)
    text = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip() or "API",
        prefix=text[:10],
        digest=digest(text),
        created_at=timezone.now(),
        created_by=actor,
    )
    record_audit(
        actor=actor,
        action=AuditAction.TOKEN_ISSUED,
        subject=user.get_username(),
        summary=f"Cấp mã truy cập API {token.prefix}… ({token.name}) cho {user.get_username()}.",
        changes={"token": token.prefix, "name": token.name},
    )
    return token, text


@transaction.atomic
def revoke_token(token: ApiToken, *, actor: Any | None) -> ApiToken:
    require_admin(actor)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = actor
        token.save(update_fields=["revoked_at", "revoked_by"])
        record_audit(
            actor=actor,
            action=AuditAction.TOKEN_REVOKED,
            subject=token.user.get_username(),
            summary=f"Thu hồi mã truy cập API {token.prefix}… ({token.name}).",
            changes={"token": token.prefix},
        )
    return token


def user_for_token(text: str) -> Any | None:
    """The active user a live token belongs to, or None; notes when the token was last used."""
    token = (
        ApiToken.objects.select_related("user", "user__profile")
        .filter(digest=digest(text), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


class TokenError(ValueError):
    """A token that cannot be found by what was given; `code` names the case."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


def list_tokens(*, active_only: bool = False) -> list[ApiToken]:
    """Every token, newest first, with its user; only the live ones when `active_only`."""
    rows = ApiToken.objects.select_related("user", "created_by", "revoked_by")
    if active_only:
        rows = rows.filter(revoked_at__isnull=True)
    return list(rows)


def token_by_prefix(prefix: str) -> ApiToken:
    """The one token whose text starts with `prefix` (as the list shows it, "ctk_AbC1x2…")."""
    text = prefix.strip().rstrip("…").rstrip(".")
    found = list(ApiToken.objects.filter(prefix__startswith=text[:12])) if text else []
    # A prefix longer than the stored one cannot be checked beyond the stored part.
    found = [t for t in found if t.prefix.startswith(text) or text.startswith(t.prefix)]
    if not found:
        raise TokenError(f"Không có mã truy cập nào bắt đầu bằng “{text}”.", code="token_not_found")
    if len(found) > 1:
        raise TokenError(
            f"Có {len(found)} mã truy cập bắt đầu bằng “{text}”; hãy ghi đủ phần đầu mã.",
            code="token_ambiguous",
        )
    return found[0]
