import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import Celery
from django.db import connection

from agora.core.tasks import ping

ROOT = Path(__file__).resolve().parents[3]
BROKER = os.environ.get("CELERY_TEST_BROKER_URL", "redis://127.0.0.1:6379/15")


def redis_is_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def test_tasks_run_inline_in_the_embedded_mode(db):
    assert ping.delay().get() == {"answer": "pong", "database": connection.vendor, "select": "1"}


@pytest.mark.worker
# Celery's client leaves a file of its own unclosed; the warning is not about our code.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_real_worker_runs_a_task_through_redis(tmp_path):
    if not redis_is_up():
        if os.environ.get("AGORA_REQUIRE_WORKER"):
            pytest.fail("Redis is not reachable on 127.0.0.1:6379")
        pytest.skip("Redis is not running")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "CELERY_BROKER_URL": BROKER,
        "AGORA_VAR_DIR": str(tmp_path),
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool",
            "solo",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-l",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        client = Celery(broker=BROKER, backend=BROKER)
        started = time.monotonic()
        try:
            result = client.send_task("agora.core.ping").get(timeout=60)
        finally:
            client.close()
        assert result["answer"] == "pong"
        assert result["select"] == "1"
        assert time.monotonic() - started < 60
    finally:
        worker.terminate()
        worker.wait(timeout=20)
