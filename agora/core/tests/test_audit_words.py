"""Audit entries read in words, with their data as short phrases."""

import pytest
from django.utils import translation

from agora.core.audit import log_action
from agora.core.audit_words import describe, details


@pytest.fixture
def membership(cast):
    return cast.organisation.memberships.get()


def test_a_registered_action_reads_in_each_language(membership):
    entry = log_action("members.membership.cancelled", target=membership)
    assert describe(entry) == "Membership cancelled"
    with translation.override("fr"):
        assert describe(entry) == "Adhésion annulée"


def test_a_back_office_edit_names_the_fields_it_changed(membership):
    entry = log_action(
        "members.membership.edited",
        target=membership,
        data={"fields": ["end_date", "fee"], "via": "admin"},
    )
    assert describe(entry) == "Changed in the back office"
    assert details(entry) == ["Fields: end, fee"]
    with translation.override("fr"):
        assert describe(entry) == "Modifié dans le back-office"
        assert details(entry) == ["Champs : fin, cotisation"]


def test_an_unknown_action_shows_its_code(membership):
    entry = log_action("members.membership.teleported", target=membership)
    assert describe(entry) == "members.membership.teleported"


def test_data_reads_as_phrases(membership):
    entry = log_action(
        "members.membership.created",
        target=membership,
        data={
            "type": "co_member",
            "reason": "Unpaid fee",
            "created": False,
            "of": 12,
            "organisation": None,
            "colour": "blue",
        },
    )
    assert details(entry) == [
        "Type: Co-member through a partner cluster",
        "Reason: Unpaid fee",
        "existing record updated",
        "renews period no. 12",
        "Colour: blue",
    ]


def test_a_field_that_no_longer_exists_keeps_its_code(membership):
    entry = log_action("members.membership.edited", target=membership, data={"fields": ["gone"]})
    assert details(entry) == ["Fields: gone"]
