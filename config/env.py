"""Small, typed readers of environment variables for the settings module."""

import os
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean; refuse anything that is not clearly true or false."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def parse_email_url(url: str) -> dict[str, object]:
    """Turn `smtp://user:pass@host:587?tls=1` into Django's EMAIL_* settings."""
    parts = urlparse(url)
    scheme = parts.scheme
    if scheme not in EMAIL_BACKENDS:
        known = ", ".join(sorted(EMAIL_BACKENDS))
        raise ImproperlyConfigured(f"EMAIL_URL scheme {scheme!r} is not one of {known}")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    settings: dict[str, object] = {"EMAIL_BACKEND": EMAIL_BACKENDS[scheme]}
    if scheme == "file":
        settings["EMAIL_FILE_PATH"] = parts.path
        return settings
    if scheme in {"smtp", "submission"}:
        settings.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or (587 if scheme == "submission" else 25),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=query.get("tls", "1" if scheme == "submission" else "0") in TRUE_WORDS,
            EMAIL_USE_SSL=query.get("ssl", "0") in TRUE_WORDS,
        )
    return settings
