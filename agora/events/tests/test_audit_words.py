"""The events app's audit entries read in words in the back office's audit log."""

from django.utils import translation

from agora.core.audit import log_action
from agora.core.audit_words import describe
from agora.events.tests.factories import EventFactory


def test_a_schedule_entry_reads_in_each_language(db):
    entry = log_action("events.schedule.published", target=EventFactory())
    assert describe(entry) == "Schedule published"
    with translation.override("fr"):
        assert describe(entry) == "Planning publié"
