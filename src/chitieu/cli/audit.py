"""`chitieu audit FILE [--format text|md|json]`: the official assessments of the 2020-2025
tables checked against the rules, the groups rolled up, the summary sentences checked.

FILE is the document (.txt, .docx) or a catalogue (.yaml, .yml, .json) carrying past_terms
(its count claims, if any, are the summary sentences checked).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from chitieu.assess.audit import Audit, AuditRow, audit_terms
from chitieu.assess.counting import COUNTING_RULES
from chitieu.assess.rollup import DEFAULT_RULE, GroupRollup, RollupRule, group_rows
from chitieu.assess.summary_claims import (
    ClaimCheck,
    check_statements,
    find_statements,
    locality_keys,
    statements_from_claims,
)
from chitieu.catalog.io import read_catalogue
from chitieu.catalog.model import PastTerm
from chitieu.cli._errors import InputFile

_CATALOGUE_SUFFIXES = (".yaml", ".yml", ".json")


def load(path: Path) -> tuple[tuple[PastTerm, ...], list[Any]]:
    """The past terms of FILE and its count statements."""
    if path.suffix.lower() in _CATALOGUE_SUFFIXES:
        catalogue = read_catalogue(path)
        keys = locality_keys(catalogue.past_terms)
        return catalogue.past_terms, list(statements_from_claims(catalogue.claims, keys))
    from chitieu.ingest import read_document
    from chitieu.ingest.pipeline import ingest

    document = read_document(path)
    terms = ingest(document).past_terms
    return terms, list(find_statements(document, locality_keys(terms)))


def build_report(terms: tuple[PastTerm, ...], statements: list[Any]) -> dict[str, Any]:
    """The audit as one JSON-ready object (the contract other tools read)."""
    audit = audit_terms(terms)
    groups = group_rows(audit.rows)
    checks = check_statements(statements, groups, locality_keys(terms))
    agree, total = audit.agreement
    return {
        "rows": [_row_json(row) for row in audit.rows],
        "agreement": {"agree": agree, "total": total},
        "rollup_rule": DEFAULT_RULE.value,
        "rollup_rules": {rule.value: rule.description for rule in RollupRule},
        "counting_rules": [
            {"code": rule.code, "name": rule.name, "description": rule.description}
            for rule in COUNTING_RULES
        ],
        "groups": [_group_json(group) for group in groups],
        "summary_claims": [_check_json(check) for check in checks],
        "resolutions": [
            {
                "table": r.table,
                "stt": r.stt,
                "indicator": r.indicator,
                "line": r.line,
                "text": r.text,
                "readings": [_number(v) for v in r.readings],
                "value": _number(r.value),
                "reason": r.reason,
            }
            for r in audit.resolutions
        ],
        "rules": _rules_json(audit),
    }


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _row_json(row: AuditRow) -> dict[str, Any]:
    return {
        "table": row.table,
        "stt": row.stt,
        "parent_stt": row.parent_stt,
        "line": row.line,
        "indicator": row.indicator,
        "target_text": row.target_text,
        "result_text": row.result_text,
        "value": _number(row.value),
        "official": row.official,
        "computed": row.computed_label,
        "possible": [status.label for status in row.possible],
        "agree": row.agree,
        "reason": row.reason,
        "likely_cause": None if row.cause is None else row.cause.text,
        "cause_kind": None if row.cause is None else row.cause.kind,
    }


def _group_json(group: GroupRollup) -> dict[str, Any]:
    def labels(basis: str) -> dict[str, str | None]:
        return {
            rule.value: (status.label if (status := group.status(rule, basis)) else None)
            for rule in RollupRule
        }

    return {
        "table": group.table,
        "stt": group.stt,
        "indicator": group.indicator,
        "rule": DEFAULT_RULE.value,
        "official": labels("official")[DEFAULT_RULE.value],
        "computed": labels("computed")[DEFAULT_RULE.value],
        "alternatives": {"official": labels("official"), "computed": labels("computed")},
        "mixed": group.mixed(),
        "rows": [
            {"line": r.line, "indicator": r.indicator, "official": r.official}
            | {"computed": r.computed_label}
            for r in group.rows
        ],
    }


def _check_json(check: ClaimCheck) -> dict[str, Any]:
    statement = check.statement
    return {
        "line": statement.line,
        "footnote": statement.footnote,
        "text": statement.text,
        "count": statement.count,
        "total": statement.total,
        "category": statement.category.value,
        "table": check.table,
        "verdict": check.verdict.value,
        "verdict_label": check.verdict.label,
        "detail": check.detail,
        "counts": {t.rule.code: t.count for t in check.tallies},
        "totals": {t.rule.code: t.total for t in check.tallies},
        "computed_counts": {t.rule.code: t.count for t in check.computed},
        "holds_under": [rule.code for rule in check.holds_under],
    }


def _rules_json(audit: Audit) -> dict[str, Any]:
    rules = audit.rules
    return {
        "tolerance": str(rules.tolerance),
        "exceed_margin": str(rules.exceed_margin),
        "cap_at_100": rules.cap_at_100,
        "max_can_exceed": rules.max_can_exceed,
    }


# -- readable reports --------------------------------------------------------------------

_COLUMNS = (
    ("table", "Bảng"),
    ("line", "Dòng"),
    ("stt", "STT"),
    ("indicator", "Chỉ tiêu"),
    ("target_text", "Mục tiêu"),
    ("result_text", "Kết quả"),
    ("official", "Chính thức"),
    ("computed", "Tính lại"),
    ("agree", "Khớp"),
)


def _cell(row: dict[str, Any], key: str) -> str:
    value = row[key]
    if key == "agree":
        return {True: "✔", False: "✘", None: "–"}[value]
    if key == "indicator":
        return _short(value)
    return "" if value is None else str(value)


def render(report: dict[str, Any], markdown: bool) -> str:
    cells = [[_cell(row, key) for key, _ in _COLUMNS] for row in report["rows"]]
    headers = [title for _, title in _COLUMNS]
    agreement = report["agreement"]
    lines = [
        "# Kiểm tra đánh giá chính thức" if markdown else "KIỂM TRA ĐÁNH GIÁ CHÍNH THỨC",
        "",
        f"Tỷ lệ khớp: {agreement['agree']}/{agreement['total']} dòng có cả đánh giá chính "
        "thức và kết quả tính lại.",
        "",
        *_table(headers, cells, markdown),
        "",
        "## Các dòng không khớp" if markdown else "CÁC DÒNG KHÔNG KHỚP",
    ]
    for row in report["rows"]:
        if row["agree"] is False:
            lines.append(
                f"- {row['table']} dòng {row['line']} {row['indicator']}: chính thức "
                f"{row['official']}, tính lại {row['computed']}. {row['reason']} "
                f"{row['likely_cause']}"
            )
    lines += ["", "## Số mơ hồ" if markdown else "SỐ MƠ HỒ"]
    lines += [f"- {r['table']} dòng {r['line']}: {r['reason']}" for r in report["resolutions"]]
    lines += ["", "## Câu tổng kết" if markdown else "CÂU TỔNG KẾT", ""]
    lines += _claims_table(report, markdown)
    lines += ["", "Các cách tính:"]
    lines += [f"- {rule['name']}: {rule['description']}" for rule in report["counting_rules"]]
    lines.append("")
    for claim in report["summary_claims"]:
        lines.append(
            f"- Dòng {claim['line']}: “{claim['text']}”: {claim['verdict_label']}. "
            f"{claim['detail']}"
        )
    return "\n".join(lines)


def _claims_table(report: dict[str, Any], markdown: bool) -> list[str]:
    """One row per summary sentence, its count under each counting rule."""
    rules = report["counting_rules"]
    headers = ["Dòng", "Câu văn", "Bảng", *(rule["name"] for rule in rules), "Kết luận"]
    rows = [
        [
            str(claim["line"]),
            _short(claim["text"]),
            claim["table"] or "–",
            *(
                f"{claim['counts'][r['code']]}/{claim['totals'][r['code']]}"
                if r["code"] in claim["counts"]
                else "–"
                for r in rules
            ),
            claim["verdict_label"],
        ]
        for claim in report["summary_claims"]
    ]
    return _table(headers, rows, markdown) if rows else []


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(headers: list[str], rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        return out + ["| " + " | ".join(cell.replace("|", "/") for cell in r) + " |" for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip()
        for r in [headers, ["-" * w for w in widths], *rows]
    ]


@click.command(name="audit")
@click.argument("file", type=InputFile())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "md", "json"]),
    default="text",
    show_default=True,
    help="Định dạng báo cáo.",
)
def command(file: Path, fmt: str) -> None:
    """Đối chiếu đánh giá chính thức của bảng kết quả nhiệm kỳ trước (Phụ lục 1A, 1B)."""
    try:
        terms, statements = load(file)
    except ValueError as error:
        click.echo(f"Lỗi: {error}", err=True)
        raise SystemExit(2) from None
    if not terms:
        click.echo("Lỗi: tệp không có bảng kết quả nhiệm kỳ trước (past_terms).", err=True)
        raise SystemExit(2)
    report = build_report(terms, statements)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(render(report, markdown=fmt == "md"))
