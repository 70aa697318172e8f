from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from agora.core.converters import PkConverter
from agora.core.lookups import register_lookups


class CoreConfig(AppConfig):
    name = "agora.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Registered once for every app's URLs: a second registration of a name warns.
        register_converter(PkConverter, "pk")
        register_lookups()
