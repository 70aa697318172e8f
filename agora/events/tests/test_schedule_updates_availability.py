from agora.events.models import ScheduleChange
from agora.events.services import b2b
from agora.events.tests.test_schedule_updates import mailed, positions, published, tiny

__all__ = ["published", "tiny"]  # fixtures


def test_a_new_availability_of_a_participant_with_meetings_updates_the_schedule(
    published, django_capture_on_commit_callbacks
):
    tiny = published
    with django_capture_on_commit_callbacks(execute=True):
        b2b.save_b2b_profile(
            registration=tiny.people["Eve"],
            actor=None,
            pitch="",
            max_meetings=None,
            unavailable_slots=[tiny.early],
        )
    assert ScheduleChange.objects.get().kind == ScheduleChange.Kind.AVAILABILITY_CHANGED
    # Finn comes only early and Eve no longer does: their meeting is dropped, both are told.
    assert positions(tiny)["eve-finn"] == (None, None)
    assert mailed() == ["eve@example.org", "finn@example.org"]


def test_the_same_availability_saved_again_is_no_change(
    published, django_capture_on_commit_callbacks
):
    tiny = published
    with django_capture_on_commit_callbacks(execute=True):
        b2b.save_b2b_profile(
            registration=tiny.people["Cleo"],
            actor=None,
            pitch="New",
            max_meetings=None,
            unavailable_slots=[tiny.early],
        )
    assert not ScheduleChange.objects.exists()
