from django.urls import path, re_path

from agora.reports.views import facts, public, staff

app_name = "reports"
urlpatterns = [
    path("", public.report_list, name="report-list"),
    path("<int:year>/", public.report_detail, name="report-detail"),
    path("<int:year>/pdf/", public.report_pdf, name="report-pdf"),
    path("indicators/", public.indicator_list, name="indicator-list"),
    path("indicators/<slug:code>/", public.indicator_detail, name="indicator-detail"),
    re_path(
        r"^indicators/(?P<code>[-a-z0-9]+)\.(?P<extension>csv|xlsx)$",
        staff.indicator_export,
        name="indicator-export",
    ),
    path("staff/", staff.dashboard, name="dashboard"),
    path("staff/<int:year>/", staff.report_edit, name="report-edit"),
    path("staff/<int:year>/highlights/", staff.report_regenerate, name="report-regenerate"),
    path("staff/<int:year>/publish/", staff.report_publish, name="report-publish"),
    path("staff/<int:year>/pdf/", staff.report_preview_pdf, name="report-preview-pdf"),
    path("facts/", facts.facts_list, name="facts-list"),
    path("facts/<slug:slug>/<int:year>/", facts.facts_edit, name="facts-edit"),
]
