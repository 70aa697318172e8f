"""Background tasks of the platform itself."""

from celery import shared_task
from django.db import connection


@shared_task(name="agora.core.ping")
def ping() -> dict[str, str]:
    """Answer from a worker, after a round trip to its database: proves the wiring."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (one,) = cursor.fetchone()
    return {"answer": "pong", "database": connection.vendor, "select": str(one)}
