from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agora.events.models import B2BProfile, Event, RequestRule, Slot, Table
from agora.events.tests.b2b_world import make_world
from agora.events.tests.factories import MeetingRequestFactory, TableFactory


@pytest.fixture
def world(cast):
    return make_world(cast)


@pytest.fixture
def staff_client(client, staff_with_totp):
    client.force_login(staff_with_totp)
    return client


def url(name, *args):
    return reverse(f"events:{name}", args=["cluster-day", *args])


def slots_data(**overrides):
    return {
        "session": "morning",
        "starts_at": "2030-11-20 09:00",
        "ends_at": "2030-11-20 10:40",
        "minutes": "30",
        **overrides,
    }


def test_generate_consecutive_slots(staff_client, world):
    response = staff_client.post(url("b2b-slots-generate"), slots_data())
    assert response.status_code == 302
    slots = list(Slot.objects.filter(event=world.event))
    assert [(slot.starts_at.hour, slot.starts_at.minute) for slot in slots] == [
        (8, 0),
        (8, 30),
        (9, 0),
    ]
    assert slots[-1].ends_at == datetime(2030, 11, 20, 9, 30, tzinfo=UTC)
    assert {slot.session for slot in slots} == {"morning"}


def test_overlapping_slots_are_refused(staff_client, world):
    staff_client.post(url("b2b-slots-generate"), slots_data())
    response = staff_client.post(
        url("b2b-slots-generate"), slots_data(starts_at="2030-11-20 10:00", session="later")
    )
    assert response.status_code == 409
    assert Slot.objects.count() == 3


@pytest.mark.parametrize(
    "overrides",
    [
        {"ends_at": "2030-11-20 09:00"},
        {"ends_at": "2030-11-20 09:10"},
        {"minutes": "0"},
        {"starts_at": "soon"},
    ],
)
def test_bad_slots_are_refused(staff_client, world, overrides):
    response = staff_client.post(url("b2b-slots-generate"), slots_data(**overrides))
    assert response.status_code == 400
    assert Slot.objects.count() == 0


def test_remove_a_slot(staff_client, world):
    staff_client.post(url("b2b-slots-generate"), slots_data())
    first = Slot.objects.first()
    assert staff_client.post(url("b2b-slot-delete", first.pk)).status_code == 302
    assert Slot.objects.count() == 2


def test_add_tables_after_the_existing_ones(staff_client, world):
    TableFactory(event=world.event, name="T2")
    response = staff_client.post(url("b2b-tables-add"), {"count": "3", "name_prefix": "T"})
    assert response.status_code == 302
    assert sorted(Table.objects.values_list("name", flat=True)) == ["T1", "T2", "T3", "T4"]


def test_rename_a_table_to_a_free_name_only(staff_client, world):
    first = TableFactory(event=world.event, name="T1")
    TableFactory(event=world.event, name="T2")
    assert (
        staff_client.post(url("b2b-table-rename", first.pk), {"name": "Booth"}).status_code == 302
    )
    response = staff_client.post(url("b2b-table-rename", first.pk), {"name": "T2"})
    assert response.status_code == 409
    assert "Another table already has this name." in response.text
    first.refresh_from_db()
    assert first.name == "Booth"


def test_assign_and_remove_a_home_table(staff_client, world):
    table = TableFactory(event=world.event, name="Helix booth")
    profile = B2BProfile.objects.create(registration=world.representative)
    data = {"profile": profile.pk, "table": table.pk}
    assert staff_client.post(url("b2b-home-table-assign"), data).status_code == 302
    profile.refresh_from_db()
    assert profile.home_table == table
    assert "Helix booth" in staff_client.get(url("b2b-manage")).text
    assert (
        staff_client.post(url("b2b-home-table-assign"), {"profile": profile.pk}).status_code == 302
    )
    profile.refresh_from_db()
    assert profile.home_table is None


def test_home_table_of_another_event_is_refused(staff_client, world):
    foreign = TableFactory()
    profile = B2BProfile.objects.create(registration=world.representative)
    data = {"profile": profile.pk, "table": foreign.pk}
    assert staff_client.post(url("b2b-home-table-assign"), data).status_code == 400
    profile.refresh_from_db()
    assert profile.home_table is None


def test_set_the_request_cap(staff_client, world):
    assert staff_client.post(url("b2b-request-cap-set"), {"request_cap": "4"}).status_code == 302
    assert staff_client.post(url("b2b-request-cap-set"), {"request_cap": "0"}).status_code == 400
    world.event.refresh_from_db()
    assert world.event.request_cap == 4


def test_add_and_lift_a_rule(staff_client, world):
    data = {"requester_kind": "investor", "recipient_kind": "startup"}
    assert staff_client.post(url("b2b-rule-add"), data).status_code == 302
    assert staff_client.post(url("b2b-rule-add"), data).status_code == 409
    rule = RequestRule.objects.get()
    assert (rule.requester_kind, rule.recipient_kind) == ("investor", "startup")
    assert "Investor may not request Start-up" in staff_client.get(url("b2b-manage")).text
    assert staff_client.post(url("b2b-rule-remove", rule.pk)).status_code == 302
    assert RequestRule.objects.count() == 0


def test_request_overview_lists_and_filters_by_status(
    staff_client, world, django_assert_max_num_queries
):
    MeetingRequestFactory(requester=world.outsider, recipient=world.representative)
    MeetingRequestFactory(requester=world.outsider, recipient=world.member, status="declined")
    MeetingRequestFactory(requester=world.member, recipient=world.outsider, status="accepted")
    with django_assert_max_num_queries(8):
        response = staff_client.get(url("b2b-request-overview"))
    assert response.context["page_obj"].paginator.count == 3
    assert response.context["request_counts"] == {
        "pending": 1,
        "accepted": 1,
        "declined": 1,
        "cancelled": 0,
    }
    declined = staff_client.get(url("b2b-request-overview"), {"status": "declined"})
    assert [r.recipient for r in declined.context["page_obj"]] == [world.member]


def test_set_up_page_queries_do_not_grow_with_rows(
    staff_client, world, django_assert_max_num_queries
):
    staff_client.post(url("b2b-slots-generate"), slots_data())
    staff_client.post(url("b2b-tables-add"), {"count": "20", "name_prefix": "T"})
    for registration, table in zip(
        [world.representative, world.member, world.outsider], Table.objects.all(), strict=False
    ):
        B2BProfile.objects.create(registration=registration, home_table=table)
    RequestRule.objects.create(event=world.event, requester_kind="investor", recipient_kind="sme")
    with django_assert_max_num_queries(12):
        response = staff_client.get(url("b2b-manage"))
    assert response.status_code == 200
    assert len(response.context["tables"]) == 20
    assert response.text.count("Representative Dubois (Helix Therapeutics SA)") == 2


def end_event(event):
    yesterday = timezone.now() - timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(
        starts_at=yesterday - timedelta(hours=9), ends_at=yesterday
    )


def test_once_the_event_is_over_its_set_up_is_final(staff_client, world):
    """Every change is refused with a 409 and writes nothing; the page offers none."""
    staff_client.post(url("b2b-slots-generate"), slots_data())
    table = TableFactory(event=world.event, name="T1")
    profile = B2BProfile.objects.create(registration=world.representative)
    rule = RequestRule.objects.create(
        event=world.event, requester_kind="investor", recipient_kind="startup"
    )
    end_event(world.event)
    slot = Slot.objects.first()
    before = (Slot.objects.count(), list(Table.objects.values_list("name", flat=True)))
    refused = [
        staff_client.post(
            url("b2b-slots-generate"),
            slots_data(starts_at="2030-11-20 11:00", ends_at="2030-11-20 12:00"),
        ),
        staff_client.post(url("b2b-slot-delete", slot.pk)),
        staff_client.post(url("b2b-tables-add"), {"count": "2", "name_prefix": "T"}),
        staff_client.post(url("b2b-table-rename", table.pk), {"name": "Booth"}),
        staff_client.post(url("b2b-home-table-assign"), {"profile": profile.pk, "table": table.pk}),
        staff_client.post(url("b2b-request-cap-set"), {"request_cap": "4"}),
        staff_client.post(url("b2b-rule-add"), {"requester_kind": "sme", "recipient_kind": "sme"}),
        staff_client.post(url("b2b-rule-remove", rule.pk)),
    ]
    assert [response.status_code for response in refused] == [409] * 8
    assert (Slot.objects.count(), list(Table.objects.values_list("name", flat=True))) == before
    assert RequestRule.objects.count() == 1
    profile.refresh_from_db()
    assert profile.home_table is None
    page = staff_client.get(url("b2b-manage")).text
    assert "The event is over: its B2B set-up is final." in page
    assert "<form" not in page.split("<main", 1)[1].split("</main>", 1)[0]
