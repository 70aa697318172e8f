"""The cluster's indicators as pure Python: plain records in, frozen figures out. No Django.

An adapter (agora.reports.adapter) reads the records from the database; the specification is
docs/algorithms/indicators.md.
"""

from agora.reports.indicators.engine import compound_growth_since, compute_report
from agora.reports.indicators.figures import ReportFigures, YearFigures

__all__ = ["ReportFigures", "YearFigures", "compound_growth_since", "compute_report"]
