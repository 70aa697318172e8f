"""The projects app's audit entries read in words in the back office's audit log."""

from django.utils import translation

from agora.core.audit import log_action
from agora.core.audit_words import describe
from agora.projects.tests.factories import ProjectFactory


def test_a_workflow_step_names_its_project(db):
    entry = log_action("projects.project.submitted", target=ProjectFactory(acronym="HELIX"))
    assert describe(entry) == "HELIX was submitted"
    with translation.override("fr"):
        assert describe(entry) == "Le projet HELIX a été soumis"


def test_an_expert_s_conflict_reads_in_words(db):
    entry = log_action("projects.expert.conflict_declared", target=ProjectFactory())
    assert describe(entry) == "Conflict of interest declared"
