import pytest
from django.urls import reverse

from agora.core.errors import DomainError
from agora.core.models import AuditEntry
from agora.events.models import B2BProfile, Event, Opportunity, Registration
from agora.events.services.b2b import save_b2b_profile
from agora.events.tests.b2b_world import add_opportunity, make_world
from agora.events.tests.factories import SlotFactory


@pytest.fixture
def world(cast):
    return make_world(cast)


def database_rows() -> tuple[int, int]:
    return B2BProfile.objects.count(), AuditEntry.objects.count()


@pytest.mark.parametrize("name", ["events:b2b-profile", "events:b2b-opportunity-create"])
def test_opening_a_page_of_the_profile_writes_nothing(client, cast, world, name):
    client.force_login(cast.member)
    before = database_rows()
    response = client.get(reverse(name, args=["cluster-day"]))
    assert response.status_code == 200
    assert database_rows() == before == (0, 0)


def test_the_profile_form_starts_empty(client, cast, world):
    client.force_login(cast.member)
    form = client.get(reverse("events:b2b-profile", args=["cluster-day"])).context["form"]
    assert not form.is_bound
    assert form.initial == {}


def test_first_valid_submission_creates_the_profile_once(client, cast, world):
    client.force_login(cast.member)
    page = reverse("events:b2b-profile", args=["cluster-day"])
    assert client.post(page, {"pitch": "Gene therapy"}).status_code == 302
    assert client.post(page, {"pitch": "Cell therapy"}).status_code == 302
    profile = B2BProfile.objects.get(registration=world.member)
    assert profile.pitch == "Cell therapy"
    actions = AuditEntry.objects.filter(object_id=str(profile.pk)).values_list("action", flat=True)
    assert sorted(actions) == [
        "events.b2b_profile.created",
        "events.b2b_profile.updated",
        "events.b2b_profile.updated",
    ]


def test_profile_saves_pitch_max_meetings_and_unavailable_slots(client, cast, world):
    morning, noon = SlotFactory(event=world.event), SlotFactory(event=world.event)
    client.force_login(cast.member)
    page = reverse("events:b2b-profile", args=["cluster-day"])
    response = client.post(
        page, {"pitch": "Gene therapy", "max_meetings": "6", "unavailable_slots": [noon.pk]}
    )
    assert response.status_code == 302
    profile = B2BProfile.objects.get(registration=world.member)
    assert (profile.pitch, profile.max_meetings) == ("Gene therapy", 6)
    assert list(profile.unavailable_slots.all()) == [noon]
    form = client.get(page).context["form"]
    assert list(form.fields["unavailable_slots"].queryset) == [morning, noon]


def test_slot_of_another_event_is_refused(client, cast, world):
    SlotFactory(event=world.event)
    foreign = SlotFactory()
    client.force_login(cast.member)
    response = client.post(
        reverse("events:b2b-profile", args=["cluster-day"]),
        {"pitch": "Changed", "unavailable_slots": [foreign.pk]},
    )
    assert response.status_code == 400
    assert database_rows() == (0, 0)


def test_a_refused_first_save_leaves_no_profile(cast, world):
    foreign = SlotFactory()
    with pytest.raises(DomainError):
        save_b2b_profile(
            registration=world.member,
            actor=cast.member,
            pitch="Changed",
            max_meetings=None,
            unavailable_slots=[foreign],
        )
    assert database_rows() == (0, 0)


def test_negative_max_meetings_is_refused(client, cast, world):
    client.force_login(cast.member)
    response = client.post(
        reverse("events:b2b-profile", args=["cluster-day"]), {"max_meetings": "-1"}
    )
    assert response.status_code == 400
    assert database_rows() == (0, 0)


def test_add_an_opportunity(client, cast, world):
    client.force_login(cast.member)
    response = client.post(
        reverse("events:b2b-opportunity-create", args=["cluster-day"]),
        {
            "kind": "rd_partnership",
            "direction": "seek",
            "title": "Partner for an AI trial",
            "description": "Hospitals with imaging data.",
            "domains": ["data-science", "medtech-ivd"],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("events:b2b-profile", args=["cluster-day"])
    opportunity = Opportunity.objects.get()
    assert opportunity.profile.registration == world.member
    assert (opportunity.kind, opportunity.direction) == ("rd_partnership", "seek")
    assert sorted(opportunity.domains.values_list("code", flat=True)) == [
        "data-science",
        "medtech-ivd",
    ]


def test_opportunity_needs_a_title_and_a_known_kind(client, cast, world):
    client.force_login(cast.member)
    response = client.post(
        reverse("events:b2b-opportunity-create", args=["cluster-day"]),
        {"kind": "gold", "direction": "offer", "title": ""},
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"kind", "title", "domains"}
    assert Opportunity.objects.count() == 0


def test_edit_and_withdraw_my_opportunity(client, cast, world):
    opportunity = add_opportunity(world.member)
    client.force_login(cast.member)
    edit = reverse("events:b2b-opportunity-edit", args=["cluster-day", opportunity.pk])
    assert client.get(edit).context["form"]["title"].value() == "Antibody licence"
    data = {"kind": "service", "direction": "offer", "title": "Assays", "domains": ["biopharmacy"]}
    assert client.post(edit, data).status_code == 302
    opportunity.refresh_from_db()
    assert (opportunity.kind, opportunity.title) == ("service", "Assays")
    delete = reverse("events:b2b-opportunity-delete", args=["cluster-day", opportunity.pk])
    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 302
    assert Opportunity.objects.count() == 0
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-2:] == ["events.opportunity.updated", "events.opportunity.deleted"]


def test_the_event_page_leads_confirmed_participants_to_their_b2b_pages(client, cast):
    world = make_world(cast)
    page_url = reverse("events:event-detail", args=["cluster-day"])
    links = [
        reverse(name, args=["cluster-day"])
        for name in ("events:b2b-profile", "events:b2b-marketplace", "events:b2b-request-list")
    ]
    agenda = reverse("events:agenda", args=["cluster-day"])

    client.force_login(cast.member)
    page = client.get(page_url).text
    assert [f'href="{link}"' in page for link in links] == [True, True, True]
    assert agenda not in page
    world.event.schedule_state = Event.ScheduleState.PUBLISHED
    world.event.save(update_fields=["schedule_state"])
    assert f'href="{agenda}"' in client.get(page_url).text

    client.force_login(cast.expert)  # not registered
    assert not any(link in client.get(page_url).text for link in [*links, agenda])
    Registration.objects.filter(pk=world.member.pk).update(status=Registration.Status.CANCELLED)
    client.force_login(cast.member)
    assert not any(link in client.get(page_url).text for link in [*links, agenda])
