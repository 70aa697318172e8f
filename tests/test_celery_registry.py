"""A worker knows every task: Celery autodiscovers only `tasks` modules, so check the others."""

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What a worker process knows after start-up: autodiscovery only, nothing imported by tests.
WORKER_VIEW = (
    "import django, json; django.setup(); from config.celery import app; "
    "app.loader.import_default_modules(); print(json.dumps(sorted(app.tasks)))"
)


def task_names_declared_in(module_name: str) -> set[str]:
    module = importlib.import_module(module_name)
    return {value.name for value in vars(module).values() if hasattr(value, "delay")}


def test_a_worker_registers_every_task_of_every_app():
    declared = set()
    for path in sorted((ROOT / "agora").glob("*/tasks*.py")):
        declared |= task_names_declared_in(".".join(path.relative_to(ROOT).with_suffix("").parts))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    result = subprocess.run(
        [sys.executable, "-c", WORKER_VIEW], cwd=ROOT, env=env, capture_output=True, text=True
    )
    registered = set(json.loads(result.stdout.splitlines()[-1]))
    assert len(declared) >= 8
    assert declared - registered == set()
