"""The dashboard's filter form (GET) and the task-note form."""

from __future__ import annotations

from typing import Any

from django import forms

from chitieu.catalog.model import Assessment
from chitieu.web.dashboard.services import Filters
from chitieu.web.figures.models import Figure
from chitieu.web.figures.visibility import ViewMode, default_mode, may_see_working, mode_for
from chitieu.web.plans.models import Department, Group, Locality, Plan

ALL = ("", "Tất cả")


class FilterForm(forms.Form):
    ke_hoach = forms.ChoiceField(label="Kế hoạch", required=False)
    nhom = forms.ChoiceField(label="Nhóm chỉ tiêu", required=False)
    danh_gia = forms.ChoiceField(label="Đánh giá", required=False)
    so_nganh = forms.ChoiceField(label="Sở, ngành", required=False)
    dia_ban = forms.ChoiceField(label="Địa bàn", required=False)
    so_lieu = forms.ChoiceField(label="Số liệu", required=False, choices=ViewMode.choices())

    def __init__(self, data: Any, *, plan: Plan, user: Any = None) -> None:
        if data is not None:
            data = data.copy()
            # The plan shown is the plan the form submits: without it the select would fall
            # back to its first option, and choosing a group would open another plan.
            if not data.get("ke_hoach"):
                data["ke_hoach"] = plan.code
            # The select shows the view the page really uses.
            data["so_lieu"] = mode_for(user, data.get("so_lieu")).value
        super().__init__(data, initial={"ke_hoach": plan.code})
        self.user = user
        self.fields["so_lieu"].initial = default_mode(user).value
        if not may_see_working(user):
            self.fields["so_lieu"].choices = [(ViewMode.OFFICIAL.value, ViewMode.OFFICIAL.label)]
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
            mode=self.mode(),
        )

    def mode(self) -> ViewMode:
        """The view asked for, if the user's role allows it; else the role's default."""
        return mode_for(self.user, self.data.get("so_lieu") if self.data else None)


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
