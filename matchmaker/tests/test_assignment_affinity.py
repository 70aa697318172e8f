import os
import subprocess
import sys

import numpy as np
import pytest

from matchmaker.assignment import affinity
from matchmaker.assignment.affinity import (
    ExpertProfile,
    ProjectProfile,
    affinity_matrix,
    compute_affinities,
    normalise,
    tokens,
)
from matchmaker.assignment.model import Affinity

CARDIO = ProjectProfile(
    "p-cardio",
    keywords=("heart failure", "implantable devices"),
    domains=("Cardiology",),
    title="Implantable sensor for heart failure",
    summary="A wireless implantable sensor monitors pressure in heart failure patients.",
)
ONCO = ProjectProfile(
    "p-onco",
    keywords=("immunotherapy",),
    domains=("Oncology",),
    title="Immunotherapy response prediction",
    summary="Predicting tumour response to immunotherapy from blood biomarkers.",
)


def test_normalise_ignores_case_accents_and_punctuation():
    assert normalise("Électro-Physiologie, CŒUR!") == "electro physiologie coeur"


def test_tokens_drop_french_and_english_stop_words_and_plural_s():
    assert tokens("Les cellules souches and the sensors") == ["cellule", "souche", "sensor"]


def test_identical_texts_score_highest():
    twin = ExpertProfile(
        "twin",
        keywords=CARDIO.keywords,
        domains=CARDIO.domains,
        expertise=f"{CARDIO.title} {CARDIO.summary}",
    )
    near = ExpertProfile("near", ("heart failure",), ("Cardiology",), "Heart failure clinics.")
    far = ExpertProfile("far", ("immunotherapy",), ("Oncology",), "Tumour immunology.")
    scores = affinity_matrix([near, twin, far], [CARDIO, ONCO])
    assert scores[0].tolist()[1] == pytest.approx(1.0, abs=1e-6)
    assert scores[0, 1] > scores[0, 0] > scores[0, 2]
    assert scores[1, 2] > scores[1, 0]


def test_accents_and_case_do_not_change_the_score():
    plain = ExpertProfile("plain", ("imagerie medicale",), ("sante",), "imagerie medicale du coeur")
    fancy = ExpertProfile("fancy", ("Imagerie Médicale",), ("Santé",), "IMAGERIE MÉDICALE DU CŒUR")
    project = ProjectProfile("p", ("imagerie médicale",), ("Santé",), "Imagerie médicale")
    scores = affinity_matrix([plain, fancy], [project])
    assert scores[0, 0] == scores[0, 1]


def test_a_shared_keyword_phrase_counts_beyond_its_words():
    # Same words, but only one expert uses them as the phrase the project declares.
    phrase = ExpertProfile("phrase", expertise="work on heart failure and sensor design")
    scattered = ExpertProfile("scattered", expertise="work on heart sensor and failure design")
    scores = affinity_matrix([phrase, scattered], [CARDIO])
    assert scores[0, 0] > scores[0, 1]


def test_domain_overlap_is_the_jaccard_share_of_the_score():
    # No shared words: the score is DOMAIN_WEIGHT x |{a}| / |{a, b}|.
    expert = ExpertProfile("e", domains=("a", "b"), expertise="zebra")
    project = ProjectProfile("p", domains=("A",), title="yak")
    assert affinity_matrix([expert], [project]).tolist() == [[0.15]]


def test_without_declared_domains_the_score_is_the_text_cosine():
    expert = ExpertProfile("e", expertise="yak")
    project = ProjectProfile("p", domains=("a",), title="yak")
    assert affinity_matrix([expert], [project]).tolist() == [[1.0]]


def test_empty_profiles_score_zero():
    assert affinity_matrix([ExpertProfile("e")], [ProjectProfile("p")]).tolist() == [[0.0]]


def test_compute_affinities_keeps_the_top_k_positive_scores_per_project():
    experts = [
        ExpertProfile("e1", ("immunotherapy",)),
        ExpertProfile("e2", ("heart failure",)),
        ExpertProfile("e3", ("heart failure", "implantable devices")),
        ExpertProfile("e4", ("heart failure", "implantable devices")),
    ]
    affinities = compute_affinities(experts, [CARDIO, ONCO], top_k=2)
    assert [(a.expert, a.project) for a in affinities] == [
        ("e3", "p-cardio"),
        ("e4", "p-cardio"),
        ("e1", "p-onco"),
    ]
    assert all(isinstance(a, Affinity) and 0 < a.score <= 1 for a in affinities)


def test_scores_are_deterministic_and_within_bounds():
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(40)]
    experts = [
        ExpertProfile(f"e{i}", expertise=" ".join(rng.choice(words, 12))) for i in range(300)
    ]
    projects = [
        ProjectProfile(f"p{i}", summary=" ".join(rng.choice(words, 30))) for i in range(300)
    ]
    first = affinity_matrix(experts, projects)
    assert np.array_equal(first, affinity_matrix(experts, projects))
    assert first.shape == (300, 300)
    assert first.min() >= 0.0
    assert first.max() <= 1.0


@pytest.mark.parametrize("common_share", [0.0, 2.0])
def test_dense_and_per_term_products_give_the_same_scores(monkeypatch, common_share):
    rng = np.random.default_rng(3)
    common, rare = [f"c{i}" for i in range(10)], [f"r{i}" for i in range(400)]

    def text(length):
        return " ".join(rng.choice(common if rng.random() < 0.5 else rare) for _ in range(length))

    experts = [ExpertProfile(f"e{i}", expertise=text(15)) for i in range(120)]
    projects = [ProjectProfile(f"p{i}", summary=text(40)) for i in range(90)]
    default = affinity_matrix(experts, projects)
    monkeypatch.setattr(affinity, "_COMMON_SHARE", common_share)
    assert np.array_equal(affinity_matrix(experts, projects), default)


def test_scores_do_not_depend_on_the_hash_seed():
    script = (
        "from matchmaker.assignment.affinity import *\n"
        "e = [ExpertProfile(f'e{i}', ('heart failure', 'sensor'), ('a', 'b'), 'heart ' * i)"
        " for i in range(5)]\n"
        "p = [ProjectProfile(f'p{i}', ('implantable sensor',), ('b', 'c'), 'heart failure',"
        " 'sensor ' * i) for i in range(4)]\n"
        "print(affinity_matrix(e, p).tolist())\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
