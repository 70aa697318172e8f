"""Expert assignment on a generated call (2,000 projects x 1,500 experts): time, score, checker.

A thin adapter over matchmaker.assignment.bench (owned with the assignment engine): same options,
the figures as a markdown table and bench-out/assignment.json.
"""

from pathlib import Path

from matchmaker.assignment.bench import build_parser, is_feasible, run
from matchmaker.bench.report import OUTPUT, markdown_table, say, write_results

ROWS = [
    ("projects x experts", "size"),
    ("affinities kept (top-k per project)", "affinities"),
    ("declared conflicts", "conflicts_declared"),
    ("pairs in conflict (declared or shared organisation)", "pairs_in_conflict"),
    ("of which among the kept affinities", "scored_pairs_in_conflict"),
    ("locked pairs", "locked"),
    ("affinity module, s (median)", "affinity_s"),
    ("parse and check the instance, s (median)", "parse_s"),
    ("assign, s (median)", "assign_s"),
    ("total, s", "total_s"),
    ("assignments", "assignments"),
    ("missing", "missing"),
    ("total score", "total_score"),
    ("share of own upper bound", "share_of_own_bound"),
    ("share of HiGHS LP bound", "share_of_highs_lp_bound"),
    ("checker", "verdict"),
]


def main(argv: list[str]) -> int:
    """Run the expert-assignment benchmark; exit 1 if the checker finds a violation."""
    parser = build_parser("python -m matchmaker.bench assignment")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="folder of the JSON results")
    args = parser.parse_args(argv)
    report = run(args)
    checker = report["checker"]
    report["size"] = f"{args.projects} x {args.experts}"
    report["share_of_own_bound"] = report["total_score"] / report["upper_bound"]
    report["verdict"] = "feasible" if is_feasible(report) else "INFEASIBLE"
    if not isinstance(checker, dict):
        report["verdict"] = checker
    say(markdown_table(["expert assignment", "value"], [[k, report[v]] for k, v in ROWS]))
    say(f"results: {write_results('assignment', report, args.out)}")
    return 0 if is_feasible(report) else 1
