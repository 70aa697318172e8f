"""Test settings: the production module, made fast and deterministic."""

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
AGORA_STAFF_MFA_REQUIRED = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Whitenoise warns (an error under pytest) when STATIC_ROOT was never collected; tests serve
# nothing from it.
WHITENOISE_AUTOREFRESH = True
