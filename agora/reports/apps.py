from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "agora.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from agora.core.audit_words import register
        from agora.reports.audit_words import AUDIT_WORDS

        register(AUDIT_WORDS)
