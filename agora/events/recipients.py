"""Who an events e-mail goes to, and in which language it is written."""

from django.conf import settings

from agora.members.models import Person


def language_of(person: Person) -> str:
    """The language of the person's account when the site offers it, else the site default."""
    user = person.user
    language = user.preferred_language if user else ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def address_of(person: Person) -> str:
    """The person's e-mail address, else their account's, else blank."""
    return person.email or (person.user.email if person.user else "")
