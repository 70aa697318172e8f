from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "agora.members"
    verbose_name = _("Members")

    def ready(self) -> None:
        from agora.core.audit_words import register
        from agora.members.audit_words import AUDIT_WORDS

        register(AUDIT_WORDS)
