from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "agora.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from agora.core.audit_words import register
        from agora.events.audit_words import AUDIT_WORDS

        register(AUDIT_WORDS)
