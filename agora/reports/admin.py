from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from agora.reports.models import AnnualReport, YearlyFacts


@admin.register(YearlyFacts)
class YearlyFactsAdmin(admin.ModelAdmin):
    list_display = ["organisation", "year", "employees", "turnover", "investment_raised"]
    list_filter = ["year"]
    search_fields = ["organisation__legal_name", "organisation__short_name"]
    raw_id_fields = ["organisation", "entered_by"]


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    """Read-only: reports are drafted and published from the staff pages (audit, frozen PDF)."""

    list_display = ["year", "state", "published_at"]
    readonly_fields = [field.name for field in AnnualReport._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
