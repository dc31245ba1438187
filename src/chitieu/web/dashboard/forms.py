"""The dashboard's filter form (GET) and the task-note form."""

from __future__ import annotations

from typing import Any

from django import forms

from chitieu.catalog.model import Assessment
from chitieu.web.dashboard.services import Filters
from chitieu.web.figures.models import Figure
from chitieu.web.plans.models import Department, Group, Locality, Plan

ALL = ("", "Tất cả")


class FilterForm(forms.Form):
    ke_hoach = forms.ChoiceField(label="Kế hoạch", required=False)
    nhom = forms.ChoiceField(label="Nhóm chỉ tiêu", required=False)
    danh_gia = forms.ChoiceField(label="Đánh giá", required=False)
    so_nganh = forms.ChoiceField(label="Sở, ngành", required=False)
    dia_ban = forms.ChoiceField(label="Địa bàn", required=False)
    da_duyet = forms.BooleanField(label="Chỉ tính số liệu đã duyệt", required=False)

    def __init__(self, data: Any, *, plan: Plan) -> None:
        # The plan shown is the plan the form submits: without it the select would fall
        # back to its first option, and choosing a group would open another plan.
        if data is not None and not data.get("ke_hoach"):
            data = data.copy()
            data["ke_hoach"] = plan.code
        super().__init__(data, initial={"ke_hoach": plan.code})
        self.fields["ke_hoach"].choices = [(p.code, p.name) for p in Plan.objects.all()]
        self.fields["nhom"].choices = [ALL] + [
            (g.code, g.name) for g in Group.objects.filter(plan=plan).order_by("position")
        ]
        self.fields["danh_gia"].choices = [ALL] + [(s.value, s.label) for s in Assessment]
        self.fields["so_nganh"].choices = [ALL] + [
            (d.code, d.name) for d in Department.objects.order_by("name")
        ]
        used = Figure.objects.filter(indicator__plan=plan).values("locality")
        places = Locality.objects.filter(pk__in=used).exclude(pk=plan.locality_id)
        own = [(plan.locality.code, plan.locality.name)] if plan.locality else []
        self.fields["dia_ban"].choices = own + [(loc.code, loc.name) for loc in places]

    def filters(self) -> Filters:
        """The chosen filters; an invalid choice is ignored, the other choices kept."""
        data: dict[str, Any] = {}
        if self.is_bound:
            self.is_valid()  # cleans every field; cleaned_data keeps those that are valid
            data = self.cleaned_data
        return Filters(
            group=data.get("nhom", ""),
            status=data.get("danh_gia", ""),
            department=data.get("so_nganh", ""),
            locality=data.get("dia_ban", ""),
            approved_only=bool(data.get("da_duyet", False)),
        )


class TaskNoteForm(forms.Form):
    period = forms.CharField(
        label="Kỳ", max_length=10, help_text="Ví dụ: 2026, 2026-H1, 2026-Q2, 2026-03"
    )
    text = forms.CharField(label="Tiến độ thực hiện", widget=forms.Textarea(attrs={"rows": 3}))


class TaskLinkForm(forms.Form):
    """One decision on a task–target link (the buttons of the task page)."""

    ACTIONS = (("xac_nhan", "Xác nhận"), ("bo", "Bỏ liên kết"), ("them", "Thêm liên kết"))

    thao_tac = forms.ChoiceField(label="Thao tác", choices=ACTIONS)
    chi_tieu = forms.IntegerField(label="Chỉ tiêu", min_value=1)
