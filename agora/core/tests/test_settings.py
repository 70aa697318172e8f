import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import parse_email_url

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k" * 20 + "-production-secret-for-the-deploy-check-" + "z" * 20,
    "ALLOWED_HOSTS": "agora.example.org",
    "DATABASE_URL": "sqlite:////tmp/agora-deploy-check.sqlite3",
    "EMAIL_URL": "smtp://mailer:secret@smtp.example.org:587?tls=1",
}


def manage(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    # Other tests may set DJANGO_ALLOW_ASYNC_UNSAFE in this process; production never does.
    unwanted = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unwanted}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "AGORA_VAR_DIR": str(tmp_path),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_reports_no_warning_in_production(tmp_path):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_real_secret_key(tmp_path):
    env = {**PRODUCTION, "SECRET_KEY": "short"}
    result = manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode == 1
    assert "needs a real SECRET_KEY of at least 50 random characters" in result.stderr


def test_embedded_mode_needs_no_variable(tmp_path):
    result = manage("check", env={}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr


def test_smtp_email_url_sets_host_port_credentials_and_tls():
    assert parse_email_url("smtp://mailer:s%40cret@smtp.example.org:587?tls=1") == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "s@cret",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


def test_unknown_email_scheme_is_refused_with_the_known_ones():
    with pytest.raises(ImproperlyConfigured) as error:
        parse_email_url("pigeon://coop")
    assert str(error.value) == (
        "EMAIL_URL scheme 'pigeon' is not one of console, dummy, file, locmem, smtp, submission"
    )
