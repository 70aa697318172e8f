"""`manage.py demo_logins`: print the demo accounts and what to try with each."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from agora.members.demo import is_demo_loaded
from agora.members.demo.featured import LOGINS


class Command(BaseCommand):
    help = "Print the demo logins: role, e-mail, password and what to try first."

    def handle(self, *args: Any, **options: Any) -> None:
        write = self.stdout.write
        if not is_demo_loaded():
            write(self.style.WARNING("The demo is not loaded yet: run manage.py load_demo."))
        write(f"Agora demo: open {settings.SITE_URL} and sign in with one of these logins.\n")
        width = max(len(login.email) for login in LOGINS)
        for login in LOGINS:
            write(f"  {login.role:<21} {login.email:<{width}}  {login.password}")
            write(f"  {'':<21} {login.first_try}\n")
        write(
            "Staff sign in here without a second factor because the embedded demo mode does not "
            "ask for one; production (DEBUG=false) requires TOTP for every staff account and for "
            "event organisers on their organiser pages (AGORA_STAFF_MFA_REQUIRED)."
        )
