"""The API against its own contract: the OpenAPI document is a valid OpenAPI 3 document, and
schemathesis, generating requests from it for every operation, finds no server error and
no response that breaks the document."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

OPENAPI = "/api/v1/openapi.json"
EXAMPLES_PER_OPERATION = 25


def _app() -> Any:
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


@pytest.mark.django_db
def test_the_openapi_document_is_valid(client: Any) -> None:
    document = client.get(OPENAPI).json()
    schema = schemathesis.openapi.from_dict(document)
    schema.validate()  # against the OpenAPI 3 meta-schema; raises on the first error
    assert document["openapi"].startswith("3.")
    assert len(list(schema.get_all_operations())) >= 10


@pytest.mark.slow
def test_the_api_keeps_its_contract(transactional_db: Any, store: Any, user: Any) -> None:
    """Every operation, EXAMPLES_PER_OPERATION generated requests each, with the planner's
    token. One test runs them all (schemathesis' own pytest loader does not run under
    pytest 9), so each operation's failure is collected and all are reported together."""
    from chitieu.web.api.services import issue_token

    _, token = issue_token(user("tonghop"), "schemathesis", actor=None)
    known = _known_codes(store, user)
    schema = schemathesis.openapi.from_wsgi(OPENAPI, _app())
    failures: dict[str, str] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: Any) -> None:
            checks = [
                not_a_server_error,
                response_schema_conformance,
                status_code_conformance,
                content_type_conformance,
            ]
            headers = {"Authorization": f"Bearer {token}"}
            case.call_and_validate(headers=headers, checks=checks)
            # Random codes mostly meet 404: ask again for things that exist, the rest of the
            # request (query, body, headers) as generated.
            if case.path_parameters:
                case.path_parameters = _existing(case.operation.path, case.path_parameters, known)
                case.call_and_validate(headers=headers, checks=checks)

        try:
            run()
        except Exception as error:  # one operation's failure must not hide the others'
            failures[operation.label] = f"{type(error).__name__}: {error}"
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())


def _known_codes(store: dict[str, Any], user: Any) -> dict[str, str]:
    """Codes of rows that exist, by the noun in front of a path parameter."""
    from decimal import Decimal

    from chitieu.web.figures.services import record_figure
    from chitieu.web.plans.models import Task

    figure = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8.5"),
        actor=user("sokhdt"), expected_version=None,
    )  # fmt: skip
    task = Task.objects.filter(plan=store["grdp"].plan).first()
    return {
        "plans": store["grdp"].plan.code,
        "indicators": store["grdp"].code,
        "localities": store["province"].code,
        "figures": str(figure.pk),
        "tasks": task.code if task else "",
    }


def _existing(path: str, parameters: dict[str, Any], known: dict[str, str]) -> dict[str, Any]:
    """`parameters` with each one that follows a known noun (/plans/{code}) made to exist."""
    parts = path.strip("/").split("/")
    chosen = dict(parameters)
    for noun, part in itertools.pairwise(parts):
        name = part.strip("{}")
        if part.startswith("{") and name in chosen and known.get(noun):
            value = known[noun]
            chosen[name] = int(value) if isinstance(parameters[name], int) else value
    return chosen


def test_no_two_schemas_share_a_name() -> None:
    """ninja names an OpenAPI component after its class: two classes of one name would make
    one operation's answers checked against the other's schema."""
    from ninja import Schema

    import chitieu.web.api.api  # noqa: F401  (imports every router and its schemas)

    def every(cls: type) -> list[type]:
        return [cls, *itertools.chain.from_iterable(every(s) for s in cls.__subclasses__())]

    ours = [c for c in every(Schema) if c.__module__.startswith("chitieu.")]
    names = [c.__name__ for c in ours]
    assert sorted({n for n in names if names.count(n) > 1}) == []
