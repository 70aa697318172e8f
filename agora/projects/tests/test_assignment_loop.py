"""The staff's loop on the assignment page: run, review, swap, lock, remove, run again."""

from django.urls import reverse

from agora.core.models import AuditEntry
from agora.projects.models import Assignment
from agora.projects.tests.evaluation_world import eligible_project, make_expert, member_organisation
from agora.projects.tests.factories import CallFactory


def pairs_of(project):
    return {(a.pk, a.expert_id, a.is_locked) for a in Assignment.objects.filter(project=project)}


def test_the_whole_loop_keeps_the_staff_s_choices_and_fills_the_rest(client, cast, staff_with_totp):
    call = CallFactory(slug="loop", experts_per_project=2)
    projects = [
        eligible_project(call, acronym, member_organisation(f"{acronym} SA"), keywords="antibody")
        for acronym in ("ALPHA", "BETA", "GAMMA")
    ]
    experts = [make_expert(name) for name in ("Ames", "Bohr", "Curie", "Dirac", "Euler")]
    client.force_login(staff_with_totp)
    board = reverse("projects:call-assignment", args=["loop"])
    run = reverse("projects:assignment-run", args=["loop"])

    assert client.post(run).status_code == 302
    assert [Assignment.objects.filter(project=p).count() for p in projects] == [2, 2, 2]

    alpha, beta, gamma = projects
    swapped = Assignment.objects.filter(project=alpha).order_by("pk").first()
    taken = set(Assignment.objects.filter(project=alpha).values_list("expert_id", flat=True))
    newcomer = next(expert for expert in experts if expert.pk not in taken)
    response = client.post(
        reverse("projects:assignment-swap", args=["loop", swapped.pk]), {"expert": newcomer.pk}
    )
    assert response.status_code == 302
    locked = Assignment.objects.filter(project=beta).order_by("pk").first()
    response = client.post(
        reverse("projects:assignment-lock", args=["loop", locked.pk]), {"is_locked": "1"}
    )
    assert response.status_code == 302
    removed = Assignment.objects.filter(project=gamma).order_by("pk").first()
    response = client.post(reverse("projects:assignment-remove", args=["loop", removed.pk]))
    assert response.status_code == 302
    assert Assignment.objects.filter(project=gamma).count() == 1
    html = client.get(board).content.decode()
    assert html.count('<span class="badge text-bg-warning">locked</span>') == 2

    assert client.post(run).status_code == 302
    assert (swapped.pk, newcomer.pk, True) in pairs_of(alpha)
    assert (locked.pk, locked.expert_id, True) in pairs_of(beta)
    assert [Assignment.objects.filter(project=p).count() for p in projects] == [2, 2, 2]
    assert Assignment.objects.filter(is_locked=True).count() == 2
    actions = list(
        AuditEntry.objects.filter(action__startswith="projects.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "projects.call.experts_assigned",
        "projects.assignment.swapped",
        "projects.assignment.locked",
        "projects.assignment.removed",
        "projects.call.experts_assigned",
    ]


def test_unlocking_lets_the_next_run_replace_the_pair(client, cast, staff_with_totp):
    call = CallFactory(slug="unlock", experts_per_project=1)
    project = eligible_project(call, "ALPHA", cast.organisation, keywords="antibody")
    make_expert("Ames", keywords="antibody")
    second = make_expert("Bohr")
    client.force_login(staff_with_totp)
    client.post(reverse("projects:assignment-run", args=["unlock"]))
    pair = Assignment.objects.get(project=project)
    client.post(
        reverse("projects:assignment-swap", args=["unlock", pair.pk]),
        {"expert": second.pk},
    )
    client.post(reverse("projects:assignment-lock", args=["unlock", pair.pk]), {"is_locked": "0"})
    client.post(reverse("projects:assignment-run", args=["unlock"]))
    assert list(Assignment.objects.values_list("expert__person__last_name", "is_locked")) == [
        ("Ames", False)
    ]
