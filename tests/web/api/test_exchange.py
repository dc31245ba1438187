"""Downloads of figures (SDMX-CSV, CSV, JSON) and of the SDMX structure through the API."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sdmx

from chitieu.ingest.figures_file import read_figures
from chitieu.web.figures.imports import import_figures

pytestmark = pytest.mark.django_db

URL = "/api/v1/exchange/figures"


@pytest.fixture
def figures(store: dict[str, Any]) -> dict[str, Any]:
    """A draft estimate and an approved official figure of GRDP, 2026 and 2026-Q1."""
    from chitieu.web.figures.services import approve_figure, record_figure

    record_figure(
        store["grdp"], store["province"], "2026-Q1", "uoc", Decimal("7.9"),
        actor=None, expected_version=None, source="Cục Thống kê",
    )  # fmt: skip
    approve_figure(
        record_figure(
            store["grdp"], store["province"], "2026", "chinh_thuc", Decimal("8.05"),
            actor=None, expected_version=None,
        ),
        actor=None,
    )  # fmt: skip
    return store


def test_sdmx_csv_is_the_default_with_its_media_type_and_a_filename(
    api_client: Any, figures: dict[str, Any]
) -> None:
    response = api_client("tonghop").get(URL, {"year": 2026, "view": "working"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.sdmx.data+csv")
    assert response["Content-Disposition"] == 'attachment; filename="so-lieu-2026-sdmx.csv"'
    lines = response.content.decode().splitlines()
    assert [line.split(",")[5:7] for line in lines[1:]] == [["FINAL", "2026"], ["EST", "2026-Q1"]]


def test_a_viewer_gets_the_official_view_even_when_asking_for_the_working_one(
    api_client: Any, figures: dict[str, Any]
) -> None:
    response = api_client("xem").get(URL, {"format": "json", "view": "working"})
    assert [f["value"] for f in response.json()["figures"]] == ["8.05"]


def test_the_office_sees_the_official_view_unless_it_asks(
    api_client: Any, figures: dict[str, Any]
) -> None:
    client = api_client("sokhdt")
    assert len(client.get(URL, {"format": "json"}).json()["figures"]) == 1
    assert len(client.get(URL, {"format": "json", "view": "working"}).json()["figures"]) == 2


@pytest.mark.parametrize("fmt", ["sdmx-csv", "sdmx-json", "csv", "json"])
def test_each_download_imports_back_unchanged(
    fmt: str, api_client: Any, figures: dict[str, Any], tmp_path: Path
) -> None:
    response = api_client("tonghop").get(URL, {"format": fmt, "view": "working"})
    path = tmp_path / response["Content-Disposition"].split('"')[1]
    path.write_bytes(response.content)
    report = import_figures(read_figures(path), actor=None, dry_run=True)
    assert [change.action for change in report.changes] == ["unchanged", "unchanged"]


def test_csv_has_a_csv_media_type(api_client: Any, figures: dict[str, Any]) -> None:
    response = api_client("tonghop").get(URL, {"format": "csv", "locality": "hung_yen"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode().startswith("Mã chỉ tiêu,Địa bàn,Kỳ,Giá trị")


def test_an_unknown_filter_is_a_problem_naming_the_field(
    api_client: Any, figures: dict[str, Any]
) -> None:
    response = api_client("tonghop").get(URL, {"indicator": "khong.co"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["errors"][0]["field"] == "indicator"
    assert "Không có chỉ tiêu mã “khong.co”" in body["detail"]


def test_an_unknown_format_is_refused(api_client: Any, figures: dict[str, Any]) -> None:
    assert api_client("tonghop").get(URL, {"format": "xml"}).status_code == 422


def test_the_structure_is_sdmx_ml_that_sdmx1_reads_and_that_describes_the_data(
    api_client: Any, figures: dict[str, Any]
) -> None:
    client = api_client("xem")
    response = client.get("/api/v1/exchange/structure")
    assert response["Content-Type"].startswith("application/vnd.sdmx.structure+xml")
    assert "attachment" in response["Content-Disposition"]
    structure = sdmx.read_sdmx(io.BytesIO(response.content))
    dataflow = structure.dataflow["DF_FIGURES"]
    data = client.get(URL).content
    header = data.decode().splitlines()[0].split(",")
    dsd = dataflow.structure
    assert header[3:] == [
        *(d.id for d in dsd.dimensions),
        *(x.id for x in dsd.measures),
        *(a.id for a in dsd.attributes),
    ]
    message = sdmx.read_sdmx(io.BytesIO(data), format="CSV", structure=dataflow)
    (observation,) = message.data[0].obs
    area = observation.dimension["REF_AREA"].value
    assert area in structure.codelist["CL_AREA"]


def test_without_a_token_the_download_is_refused(client: Any, figures: dict[str, Any]) -> None:
    assert client.get(URL).status_code == 401


def test_the_targets_download_is_sdmx_csv_of_df_targets(
    api_client: Any, figures: dict[str, Any]
) -> None:
    plan = figures["grdp"].plan.code
    response = api_client("xem").get("/api/v1/exchange/targets", {"plan": plan})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.sdmx.data+csv")
    assert response["Content-Disposition"] == f'attachment; filename="muc-tieu-{plan}-sdmx.csv"'
    lines = response.content.decode().splitlines()
    assert lines[0].split(",")[3:8] == ["PLAN", "INDICATOR", "REF_AREA", "TIME_PERIOD", "BOUND"]
    assert len(lines) > 1 and all(":DF_TARGETS(1.0)" in line for line in lines[1:])


def test_sdmx_json_is_read_by_sdmx1(api_client: Any, figures: dict[str, Any]) -> None:
    response = api_client("xem").get(URL, {"format": "sdmx-json"})
    assert response["Content-Type"].startswith("application/vnd.sdmx.data+json")
    message = sdmx.read_sdmx(io.BytesIO(response.content), format="JSON")
    (observation,) = message.data[0].obs
    assert observation.value == "8.05"
    assert observation.dimension["FIGURE_STATUS"].value == "FINAL"


@pytest.mark.parametrize(
    "query", [{"year": 10**20}, {"year": -1}, {"plan": "a\x00b"}, {"locality": "x" * 500}]
)
def test_a_value_no_database_stores_is_refused_before_the_query(
    api_client: Any, figures: dict[str, Any], query: dict[str, Any]
) -> None:
    response = api_client("tonghop").get(URL, query)
    assert response.status_code == 422
    assert json.loads(response.content)["code"] == "invalid_request"


def test_a_code_with_no_sdmx_form_is_a_problem_not_a_server_error(
    api_client: Any, figures: dict[str, Any]
) -> None:
    from chitieu.web.plans.models import Indicator

    Indicator.objects.filter(pk=figures["grdp"].pk).update(code="kt.grdp-sua-tay")
    client = api_client("tonghop")
    response = client.get(URL)
    assert response.status_code == 409
    assert json.loads(response.content)["code"] == "not_exportable"
    assert client.get("/api/v1/exchange/structure").status_code == 409
    assert client.get(URL, {"format": "json"}).status_code == 200  # plain JSON keeps any code
