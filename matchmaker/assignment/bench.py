"""Benchmark: generate a realistic health-cluster call, score it, assign it, check it.

`python -m matchmaker.assignment.bench [--projects 2000] [--experts 1500] [--runs 3]` prints the
median time of each stage over the runs and the quality figures of the last one.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import highspy
import numpy as np

from matchmaker.assignment.affinity import ExpertProfile, ProjectProfile, compute_affinities
from matchmaker.assignment.io import instance_from_dict, instance_to_dict, solution_to_dict
from matchmaker.assignment.model import Conflict, Expert, Instance, LockedPair, Project
from matchmaker.assignment.solver import assign
from matchmaker.highs import new_highs

# The checker lives beside the repository, in the shared read-only folder; an environment
# variable points elsewhere on another machine.
CHECKER = Path(
    os.environ.get(
        "AGORA_ASSIGNMENT_CHECKER",
        Path(__file__).resolve().parents[3] / "shared" / "tools" / "assignment_check.py",
    )
)

# A health cluster's domains, each with the words its experts and proposals use.
DOMAIN_WORDS = {
    "Cardiology": "heart cardiac arrhythmia failure valve coronary stent pressure ecg rhythm",
    "Oncology": "cancer tumour immunotherapy chemotherapy metastasis biopsy radiotherapy lymphoma",
    "Neurology": "brain neuron stroke epilepsy parkinson alzheimer cognitive neurodegeneration eeg",
    "Medical imaging": "mri ultrasound scanner tomography radiology contrast segmentation image",
    "Digital health": "app platform telemonitoring interoperability records dashboard cloud",
    "Artificial intelligence": "learning neural model prediction classifier algorithm training",
    "Medical devices": "implant sensor catheter prosthesis wearable device actuator electrode",
    "Biotechnology": "protein antibody enzyme bioprocess fermentation cell culture vector",
    "Genomics": "genome sequencing variant rna expression crispr mutation biomarker",
    "Immunology": "immune vaccine antigen inflammation cytokine lymphocyte allergy autoimmune",
    "Infectious diseases": "virus bacteria antibiotic resistance infection pathogen sepsis",
    "Rehabilitation": "mobility exoskeleton physiotherapy gait recovery motor robotics",
    "Nutrition": "diet microbiota obesity diabetes metabolism food supplement glucose",
    "Pharmacology": "drug molecule formulation dose toxicity pharmacokinetics trial",
    "Diagnostics": "assay test point care detection screening kit laboratory",
    "Mental health": "depression anxiety psychiatry therapy sleep addiction wellbeing",
    "Ageing": "elderly frailty dependency home care falls autonomy geriatric",
    "Surgery": "surgical robot minimally invasive endoscopy anaesthesia suture navigation",
}
_FILLER_TEXT = (
    "project consortium clinical patients study validation market prototype partners hospital "
    "innovation development evaluation europe regulatory data results pilot cohort solution "
    "les des pour une dans avec the and for with this our"
)
FILLER = _FILLER_TEXT.split()
# Real texts draw most of their vocabulary from a long tail of rare words.
RARE_WORDS = [f"tail{i}" for i in range(20_000)]
RARE_SHARE = 0.25


def generate(seed: int, n_projects: int, n_experts: int) -> tuple[Instance, list, list]:
    """Return an instance without affinities, and the expert and project profiles."""
    rng = np.random.default_rng(seed)
    domains = sorted(DOMAIN_WORDS)
    organisations = [f"o{i:03d}" for i in range(400)]
    popularity = 1.0 / np.arange(1, len(organisations) + 1) ** 0.8  # a few large partners
    popularity /= popularity.sum()

    def pick_organisations(count: int) -> tuple[str, ...]:
        chosen = rng.choice(len(organisations), count, replace=False, p=popularity)
        return tuple(organisations[i] for i in sorted(chosen))

    rare_cumulative = np.cumsum(1.0 / np.arange(1, len(RARE_WORDS) + 1))  # Zipf's law
    rare_cumulative /= rare_cumulative[-1]

    def text(topics: list[str], length: int) -> str:
        words = [w for d in topics for w in DOMAIN_WORDS[d].split()]
        draws = rng.random(length)
        ranks = np.searchsorted(rare_cumulative, rng.random(length), side="right")
        rare = (RARE_WORDS[min(rank, len(RARE_WORDS) - 1)] for rank in ranks)
        body = [
            next(rare) if x < RARE_SHARE else rng.choice(words) if x < 0.75 else rng.choice(FILLER)
            for x in draws
        ]
        return " ".join(body)

    def keywords(topics: list[str], count: int) -> tuple[str, ...]:
        return tuple(text(topics, int(rng.integers(1, 3))) for _ in range(count))

    experts, expert_profiles = [], []
    for i in range(n_experts):
        topics = list(rng.choice(domains, int(rng.integers(1, 3)), replace=False))
        kind = rng.random()
        orgs = pick_organisations(1) if kind < 0.8 else pick_organisations(2) if kind < 0.9 else ()
        experts.append(Expert(f"e{i:04d}", orgs, int(rng.integers(2, 9))))
        expert_profiles.append(
            ExpertProfile(experts[-1].id, keywords(topics, 5), tuple(topics), text(topics, 40))
        )
    projects, project_profiles = [], []
    for i in range(n_projects):
        topics = list(rng.choice(domains, int(rng.integers(1, 4)), replace=False))
        projects.append(Project(f"p{i:04d}", pick_organisations(int(rng.integers(2, 7))), 3))
        project_profiles.append(
            ProjectProfile(
                projects[-1].id,
                keywords(topics, 4),
                tuple(topics),
                text(topics, 8),
                text(topics, 90),
            )
        )
    declared = {
        (int(rng.integers(n_experts)), int(rng.integers(n_projects))) for _ in range(n_projects * 5)
    }
    conflicts = tuple(
        Conflict(experts[e].id, projects[p].id, "declared") for e, p in sorted(declared)
    )
    instance = Instance(experts=tuple(experts), projects=tuple(projects), conflicts=conflicts)
    return instance, expert_profiles, project_profiles


def with_affinities_and_locks(instance: Instance, affinities: tuple, n_locked: int) -> Instance:
    """Add the scores, and lock the best-scored pairs of the first projects as staff would."""
    declared = {(c.expert, c.project) for c in instance.conflicts}
    expert_of = {e.id: e for e in instance.experts}
    project_of = {p.id: p for p in instance.projects}
    locked: list[LockedPair] = []
    used_experts: set[str] = set()
    used_projects: set[str] = set()
    for affinity in sorted(affinities, key=lambda a: (-a.score, a.expert, a.project)):
        expert, project = expert_of[affinity.expert], project_of[affinity.project]
        free = not set(expert.organisations) & set(project.organisations)
        if len(locked) == n_locked:
            break
        unused = expert.id not in used_experts and project.id not in used_projects
        if free and unused and (expert.id, project.id) not in declared:
            locked.append(LockedPair(expert.id, project.id))
            used_experts.add(expert.id)
            used_projects.add(project.id)
    return Instance(
        instance.experts, instance.projects, affinities, instance.conflicts, tuple(locked)
    )


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    """Return the function's result and its wall-clock duration."""
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def run_once(args: argparse.Namespace) -> dict[str, Any]:
    """Generate, score, assign and check one instance; return the figures."""
    (base, expert_profiles, project_profiles), generate_time = timed(
        lambda: generate(args.seed, args.projects, args.experts)
    )
    affinities, affinity_time = timed(
        lambda: compute_affinities(expert_profiles, project_profiles, top_k=args.top_k)
    )
    instance = with_affinities_and_locks(base, affinities, args.locked)
    document = json.loads(json.dumps(instance_to_dict(instance)))
    parsed, parse_time = timed(lambda: instance_from_dict(document))
    solution, assign_time = timed(lambda: assign(parsed, time_limit=30.0))
    conflicts = pairs_in_conflict(instance)
    figures = {
        "generate_s": generate_time,
        "affinity_s": affinity_time,
        "parse_s": parse_time,
        "assign_s": assign_time,
        "affinities": len(affinities),
        "conflicts_declared": len(instance.conflicts),
        "pairs_in_conflict": len(conflicts),
        "scored_pairs_in_conflict": sum((a.expert, a.project) in conflicts for a in affinities),
        "locked": len(instance.locked),
        "assignments": len(solution.assignments),
        "missing": solution.missing,
        "total_score": solution.total_score,
        "upper_bound": solution.upper_bound,
        "gap": 1 - solution.total_score / solution.upper_bound,
    }
    bound = independent_bound(instance)
    figures["highs_lp_bound"] = bound
    figures["share_of_highs_lp_bound"] = solution.total_score / bound if bound else 1.0
    figures["checker"] = check(instance, solution) if CHECKER.exists() else "checker not found"
    return figures


def pairs_in_conflict(instance: Instance) -> set[tuple[str, str]]:
    """Every (expert, project) pair declared in conflict or sharing an organisation."""
    experts_of: dict[str, set[str]] = {}
    for expert in instance.experts:
        for organisation in expert.organisations:
            experts_of.setdefault(organisation, set()).add(expert.id)
    pairs = {(c.expert, c.project) for c in instance.conflicts}
    for project in instance.projects:
        for organisation in project.organisations:
            pairs |= {(e, project.id) for e in experts_of.get(organisation, ())}
    return pairs


def independent_bound(instance: Instance) -> float:
    """Return HiGHS's LP optimum of the score alone, an upper bound that shares no solver code.

    Coverage is not imposed, so this bounds the lexicographic optimum from above; only scored
    or locked pairs become columns, since a pair scoring 0 cannot raise the score.
    """
    expert_index = {e.id: i for i, e in enumerate(instance.experts)}
    project_index = {p.id: i for i, p in enumerate(instance.projects)}
    declared = {(c.expert, c.project) for c in instance.conflicts}
    organisations = {e.id: set(e.organisations) for e in instance.experts}
    organisations |= {p.id: set(p.organisations) for p in instance.projects}
    locked = {(lock.expert, lock.project) for lock in instance.locked}
    score = {(a.expert, a.project): a.score for a in instance.affinities}
    columns = [
        (e, p)
        for e, p in sorted(set(score) | locked)
        if (e, p) not in declared and not organisations[e] & organisations[p]
    ]
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(columns), len(expert_index) + len(project_index)
    lp.col_cost_ = np.array([score.get(pair, 0.0) for pair in columns])
    lp.col_lower_ = np.array([1.0 if pair in locked else 0.0 for pair in columns])
    lp.col_upper_ = np.ones(len(columns))
    lp.row_lower_ = np.zeros(lp.num_row_)
    lp.row_upper_ = np.array(
        [e.capacity for e in instance.experts] + [p.experts_needed for p in instance.projects],
        dtype=np.float64,
    )
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.arange(0, 2 * len(columns) + 1, 2, dtype=np.int32)
    rows = [(expert_index[e], len(expert_index) + project_index[p]) for e, p in columns]
    lp.a_matrix_.index_ = np.array(rows, dtype=np.int32).reshape(-1)
    lp.a_matrix_.value_ = np.ones(2 * len(columns))
    solver = new_highs()
    solver.passModel(lp)
    solver.run()
    if solver.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"HiGHS: {solver.getModelStatus()}")
    return float(solver.getInfo().objective_function_value)


def check(instance: Instance, solution: Any) -> dict[str, Any]:
    """Run the shared independent checker on the written files."""
    with tempfile.TemporaryDirectory() as directory:
        instance_path = Path(directory) / "instance.json"
        solution_path = Path(directory) / "solution.json"
        instance_path.write_text(json.dumps(instance_to_dict(instance)), encoding="utf-8")
        solution_path.write_text(json.dumps(solution_to_dict(solution)), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(CHECKER), str(instance_path), str(solution_path), "--json"],
            capture_output=True,
            text=True,
            check=False,
        )
    return json.loads(result.stdout.splitlines()[-1])


def build_parser(prog: str) -> argparse.ArgumentParser:
    """The benchmark's options, shared with `python -m matchmaker.bench assignment`."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--experts", type=int, default=1500)
    parser.add_argument("--top-k", type=int, default=50, help="affinities kept per project")
    parser.add_argument("--locked", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    return parser


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Run the benchmark `args.runs` times, one after the other; median times, last figures."""
    runs = [run_once(args) for _ in range(args.runs)]
    report = dict(runs[-1])
    for key in ("generate_s", "affinity_s", "parse_s", "assign_s"):
        report[key] = round(statistics.median(run[key] for run in runs), 3)
    report["total_s"] = round(report["affinity_s"] + report["parse_s"] + report["assign_s"], 3)
    report["runs"] = args.runs
    return report


def is_feasible(report: dict[str, Any]) -> bool:
    """Whether the checker accepted the last solution (True when it could not be found)."""
    checker = report["checker"]
    return not isinstance(checker, dict) or bool(checker.get("feasible"))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one JSON report; exit 1 if the checker finds a violation."""
    report = run(build_parser("python -m matchmaker.assignment.bench").parse_args(argv))
    sys.stdout.write(json.dumps(report, indent=1) + "\n")
    return 0 if is_feasible(report) else 1


if __name__ == "__main__":
    sys.exit(main())
