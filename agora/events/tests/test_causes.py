import pytest
from django.utils import translation

from agora.events.causes import describe, to_data
from matchmaker.b2b.reasons import Cause, CauseCode, Explanation

NAMES = {"r1": "Ada Test", "r2": "Bob Test", "r3": "Cleo Test", "s1": "09:00", "s2": "09:30"}
NAMES |= {"s3": "10:00", "t1": "Booth B"}

# One stored cause per code, with the fields that code names.
SAMPLES = {
    CauseCode.PINNED_OUTSIDE_ALLOWED: {"slots": ["s1"]},
    CauseCode.UNAVAILABLE_IN_PINNED_SLOT: {"participants": ["r1"], "slots": ["s1"]},
    CauseCode.UNAVAILABLE_IN_ALLOWED_SLOTS: {"participants": ["r1"]},
    CauseCode.NO_COMMON_AVAILABLE_SLOT: {"participants": ["r1", "r2"]},
    CauseCode.AT_MAXIMUM: {"participants": ["r1"], "count": 3},
    CauseCode.NO_COMMON_FREE_SLOT: {
        "participants": ["r1", "r2"],
        "details": [{"code": "booked", "participants": ["r1"], "spans": [["s1", "s3"]]}],
    },
    CauseCode.BOOKED: {"participants": ["r1"], "spans": [["s1", "s1"], ["s3", "s3"]]},
    CauseCode.HOME_TABLE_TAKEN: {"participants": ["r1", "r2"], "tables": ["t1"]},
    CauseCode.SLOTS_FULL: {"participants": ["r1", "r2"], "table_count": 1},
    CauseCode.FAIRNESS_LIMIT: {"participants": ["r1", "r2"], "spans": [["s2", "s2"]], "limit": 1},
    CauseCode.HEAVIER_MEETINGS: {"participants": ["r1", "r2", "r3"], "spans": [["s1", "s2"]]},
    CauseCode.NO_SCHEDULE: {"details": [{"code": "time_limit"}]},
    CauseCode.TIME_LIMIT: {},
    CauseCode.MEETING_IMPOSSIBLE: {
        "meetings": ["m4"],
        "details": [{"code": "unavailable_in_allowed_slots", "participants": ["r2"]}],
    },
    CauseCode.TWO_PINS: {"participants": ["r1"], "slots": ["s1"], "meetings": ["m4", "m5"]},
    CauseCode.PINS_OVER_TABLES: {"count": 3, "slots": ["s1"], "table_count": 2},
    CauseCode.OVER_MAXIMUM: {"participants": ["r1"], "count": 4, "limit": 2},
    CauseCode.TOO_FEW_SLOTS: {"participants": ["r1"], "count": 4, "slot_count": 2},
    CauseCode.TABLE_SHORTAGE: {"count": 9, "slot_count": 2, "table_count": 4},
    CauseCode.HOME_TABLE_OVERLOAD: {"tables": ["t1"], "count": 5, "slot_count": 4},
    CauseCode.CONSTRAINTS_CLASH: {
        "constraints": ["schedule_all", "pins", "fairness", "capacity"],
        "limit": 0,
    },
}


def test_every_code_has_a_sample():
    assert set(SAMPLES) == set(CauseCode)


@pytest.mark.parametrize("code", list(CauseCode))
def test_every_cause_is_worded_in_french_with_names(code):
    data = {"code": code.value, **SAMPLES[code]}
    english = describe(data, NAMES)
    with translation.override("fr"):
        french = describe(data, NAMES)
    assert french != english
    assert not any(identifier in french.split() for identifier in NAMES)


def test_french_wording_names_people_slots_and_booths():
    with translation.override("fr"):
        assert describe(
            {"code": "home_table_taken", **SAMPLES[CauseCode.HOME_TABLE_TAKEN]}, NAMES
        ) == (
            "le stand Booth B est occupé à chaque créneau où Ada Test et Bob Test sont tous libres"
        )
        assert describe({"code": "booked", **SAMPLES[CauseCode.BOOKED]}, NAMES) == (
            "Ada Test a déjà un rendez-vous à 09:00, 10:00"
        )
        clash = {"code": "constraints_clash", **SAMPLES[CauseCode.CONSTRAINTS_CLASH]}
        assert describe(clash, NAMES) == (
            "aucun planning ne respecte à la fois tous les rendez-vous placés, les créneaux "
            "imposés, l'équité 0 (écart de temps mort entre participants) et les "
            "disponibilités et le nombre de tables"
        )


def test_english_wording_counts_in_the_singular():
    data = {"code": "at_maximum", "participants": ["r1"], "count": 1}
    assert describe(data, NAMES) == "Ada Test already has 1 meeting, their maximum"
    spans = {"code": "heavier_meetings", **SAMPLES[CauseCode.HEAVIER_MEETINGS]}
    assert describe(spans, NAMES) == (
        "Ada Test, Bob Test and Cleo Test are free in 09:00–09:30, but placing it there would "
        "move meetings of higher total weight; the search found no better schedule"
    )


def test_stored_causes_keep_only_the_fields_their_code_uses():
    booked = Cause(CauseCode.BOOKED, participants=("r1",), spans=(("s1", "s2"),))
    cause = Cause(CauseCode.NO_COMMON_FREE_SLOT, participants=("r1", "r2"), details=(booked,))
    data = to_data(Explanation(schedule=None, meetings={"m3": cause}))
    assert data == {
        "schedule": None,
        "meetings": {
            "m3": {
                "code": CauseCode.NO_COMMON_FREE_SLOT,
                "participants": ("r1", "r2"),
                "details": [
                    {"code": CauseCode.BOOKED, "participants": ("r1",), "spans": (("s1", "s2"),)}
                ],
            }
        },
    }
    assert describe(data["meetings"]["m3"], NAMES) == (
        "Ada Test and Bob Test have no common free slot: Ada Test is booked in 09:00–09:30"
    )
    with pytest.raises(ValueError, match="'unknown' is not a valid CauseCode"):
        describe({"code": "unknown"}, NAMES)
