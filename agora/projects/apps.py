from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "agora.projects"
    verbose_name = _("R&D projects")

    def ready(self) -> None:
        from agora.core.audit_words import register
        from agora.projects.audit_words import AUDIT_WORDS

        register(AUDIT_WORDS)
