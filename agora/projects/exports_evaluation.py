"""A call's submitted evaluations as CSV and XLSX: one row per evaluation, a column per criterion.

Each criterion has two columns, its score (0 to 10) and the expert's comment; the row ends with
the evaluation's weighted score (Σ weight × score / Σ weight) and the overall comments.
"""

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook

from agora.projects.consolidation import weighted_score
from agora.projects.models import Criterion, Evaluation

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | float | None


def safe_text(value: object) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def header(criteria: list[Criterion]) -> list[str]:
    columns = [_("Project"), _("Title"), _("Expert"), _("Submitted")]
    for criterion in criteria:
        columns += [
            _("%(criterion)s (score)") % {"criterion": criterion.name},
            _("%(criterion)s (comment)") % {"criterion": criterion.name},
        ]
    return [*columns, _("Weighted score"), _("Overall comments")]


def evaluation_rows(
    evaluations: Iterable[Evaluation], criteria: list[Criterion]
) -> list[list[Cell]]:
    """The export's rows; scores and the weighted score as numbers, every text made safe."""
    weights = {criterion.pk: criterion.weight for criterion in criteria}
    rows: list[list[Cell]] = []
    for evaluation in evaluations:
        assignment = evaluation.assignment
        scores = {score.criterion_id: score for score in evaluation.scores.all()}
        row: list[Cell] = [
            safe_text(assignment.project.acronym),
            safe_text(assignment.project.title),
            safe_text(assignment.expert),
            evaluation.submitted_at.strftime("%Y-%m-%d %H:%M") if evaluation.submitted_at else "",
        ]
        for criterion in criteria:
            score = scores.get(criterion.pk)
            row += [score.value if score else None, safe_text(score.comment if score else "")]
        weighted = weighted_score({pk: score.value for pk, score in scores.items()}, weights)
        rows.append(
            [
                *row,
                round(weighted, 2) if weighted is not None else None,
                safe_text(evaluation.comments),
            ]
        )
    return rows


def evaluations_csv(evaluations: Iterable[Evaluation], criteria: list[Criterion]) -> str:
    """The evaluations as CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header(criteria))
    writer.writerows(evaluation_rows(evaluations, criteria))
    return buffer.getvalue()


def evaluations_xlsx(evaluations: Iterable[Evaluation], criteria: list[Criterion]) -> bytes:
    """The evaluations as an XLSX workbook of one sheet."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Evaluations")[:31]
    sheet.append(header(criteria))
    for row in evaluation_rows(evaluations, criteria):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
