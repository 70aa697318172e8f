"""What the reports app's audit entries record, in words (see `agora.core.audit_words`)."""

from django.utils.translation import gettext_lazy as _

AUDIT_WORDS = {
    "reports.annual_report.created": _("Draft created"),
    "reports.annual_report.updated": _("Draft saved"),
    "reports.annual_report.published": _("Report published"),
    "reports.yearly_facts.saved": _("Yearly figures saved"),
}
