"""The main projects journey in Debian Chromium: submit, assign, evaluate, the jury decides."""

from collections.abc import Iterator

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from agora.members.models import Person, StrategicDomain
from agora.members.tests.factories import UserFactory
from agora.projects.models import Assignment, Decision, Evaluation, Project
from agora.projects.tests.factories import PDF_BYTES, CallFactory, ExpertFactory
from tests.browser import chromium, log_in, shoot

LETTER = "The jury labels HELIXCAR: a strong consortium and a clear route to patients."

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Debian's Chromium for this module's journey."""
    with chromium() as launched:
        yield launched


def click(page, name: str) -> None:
    """Press a button of the page's main part and wait for the page that answers."""
    page.locator("main").get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


def create_and_submit(page, call_slug: str, partner: str) -> Project:
    """The representative's draft for the call, a second partner, the proposal PDF, submitted."""
    page.goto(f"/projects/new/?call={call_slug}")
    # Required fields' labels end with a star: the fields are found by their names.
    page.fill('main [name="acronym"]', "HELIXCAR")
    page.fill('main [name="title"]', "CAR-T cells against a rare lymphoma")
    page.fill('main [name="summary"]', "Autologous CAR-T cells made in the hospital.")
    page.fill('main [name="keywords"]', "CAR-T, lymphoma, cell therapy")
    page.fill('main [name="duration_months"]', "24")
    page.get_by_label("Cell therapy").check()
    page.select_option('main [name="coordinator"]', label="Helix Therapeutics SA")
    click(page, "Create the draft")
    project = Project.objects.get(acronym="HELIXCAR")
    page.goto(f"/projects/{project.pk}/consortium/")
    page.get_by_label("Member organisation").select_option(label=partner)
    page.fill('main [name="budget"]', "250000")
    page.get_by_label("Role in the project").fill("Clinical production")
    click(page, "Add")
    page.goto(f"/projects/{project.pk}/attachments/add/")
    page.fill('main [name="title"]', "Full proposal")
    page.set_input_files(
        'main [name="file"]',
        {"name": "proposal.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES},
    )
    click(page, "Attach")
    page.goto(f"/projects/{project.pk}/")
    click(page, "Submit the project")
    shoot(page, "project-submitted")
    return project


@pytest.mark.django_db(transaction=True)
def test_a_project_goes_from_submission_to_its_label(browser, live_server, cast):
    # A transactional test empties the tables, the data migration's domains with them.
    StrategicDomain.objects.get_or_create(
        code="cell-therapy", defaults={"name": "Cell therapy", "name_fr": "Thérapie cellulaire"}
    )
    call = CallFactory(slug="rd-call-2030", title="R&D 2030", experts_per_project=1)
    juror = UserFactory(email="juror@example.org", full_name="Jules Juror")
    call.jury.set([juror])
    expert = ExpertFactory(
        person=Person.objects.get(user=cast.expert), keywords="CAR-T, lymphoma, cell therapy"
    )
    secret = generate_totp_secret()
    TOTP.activate(cast.staff, secret)
    url = live_server.url

    applicant = log_in(browser, url, cast.representative.email)
    project = create_and_submit(applicant, "rd-call-2030", "Other Bio SRL")
    project.refresh_from_db()
    assert project.state == Project.State.SUBMITTED
    assert project.partners.count() == 2
    assert project.attachments.get().size == len(PDF_BYTES)

    staff = log_in(browser, url, cast.staff.email, totp_secret=secret)
    staff.goto(f"/projects/{project.pk}/")
    click(staff, "Eligible")
    click(staff, "Start the evaluation")
    staff.goto("/projects/calls/rd-call-2030/assignment/")
    click(staff, "Assign the experts")
    click(staff, "Invite the proposed experts")
    shoot(staff, "assignment")
    assignment = Assignment.objects.get(project=project)
    assert (assignment.expert, assignment.state) == (expert, Assignment.State.INVITED)

    evaluator = log_in(browser, url, cast.expert.email)
    evaluator.goto("/projects/evaluations/")
    evaluator.get_by_role("link", name="Read the declaration").click()
    evaluator.check('main [name="confirm"]')
    click(evaluator, "Sign and evaluate")
    evaluator.goto(f"/projects/evaluations/{assignment.pk}/evaluate/")
    for name, value in [("Scientific excellence", 8), ("Impact", 7), ("Consortium quality", 9)]:
        evaluator.get_by_label(f"{name}: score").fill(str(value))
    evaluator.get_by_label("Overall comments").fill("A convincing clinical plan.")
    click(evaluator, "Submit the evaluation")
    shoot(evaluator, "evaluation-submitted")
    evaluation = Evaluation.objects.get(assignment=assignment)
    assert evaluation.submitted_at is not None
    assert sorted(evaluation.scores.values_list("value", flat=True)) == [7, 8, 9]

    staff.goto(f"/projects/{project.pk}/")
    click(staff, "Send to the jury")

    jury = log_in(browser, url, juror.email)
    jury.goto("/projects/evaluations/")
    jury.get_by_role("link", name="Results of R&D 2030").click()
    jury.locator("main").get_by_role("link", name="Decision").click()
    assert "A convincing clinical plan." in jury.locator("main").inner_text()
    jury.get_by_label("Labelled", exact=True).check()
    jury.fill('main [name="letter"]', LETTER)
    click(jury, "Record the decision")
    shoot(jury, "jury-decision")
    project.refresh_from_db()
    assert project.state == Project.State.LABELLED
    decision = Decision.objects.get(project=project)
    assert (decision.letter, decision.decided_by) == (LETTER, juror)

    applicant.goto(f"/projects/{project.pk}/")
    shoot(applicant, "project-labelled")
    assert "Jury decision" in applicant.locator("main").inner_text()
    assert LETTER in applicant.locator("main").inner_text()
