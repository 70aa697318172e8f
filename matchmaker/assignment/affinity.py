"""Match scores between experts and projects from their declared topics and their texts.

score = TEXT_WEIGHT x TF-IDF cosine + DOMAIN_WEIGHT x Jaccard overlap of domains, in [0, 1];
when either side declares no domain the score is the cosine alone, so a missing declaration
neither helps nor hurts. docs/algorithms/expert-assignment.md explains the choices.
"""

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from matchmaker.assignment.model import Affinity

TEXT_WEIGHT = 0.7
DOMAIN_WEIGHT = 0.3
DECIMALS = 6  # scores are rounded so BLAS summation order never changes a result
_LONGEST_PHRASE = 4  # words; longer keyword phrases are matched by their words only
_BLOCK = 512  # rows densified at a time, to bound memory
_COMMON_SHARE = 0.01  # a term is common when it is shared by 1 % of all (project, expert) pairs
# French ligatures have no Unicode decomposition: "cœur" must still meet "coeur".
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})

# English and French function words; accents are stripped as in normalise().
_STOP_WORD_LIST = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our out over own same she should
    so some such than that the their them then there these they this those through to too under
    until up very was we were what when where which while who whom why will with within without
    would you your using based new use
    au aux avec ce ces cet cette dans de des du elle elles en entre est et etre eux il ils je la
    le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que
    qui sa sans se ses son sont sur ta te tes toi ton tu un une vos votre vous ainsi afin aussi
    comme dont lors plus sous tout tous toute toutes tres via
"""
STOP_WORDS = frozenset(_STOP_WORD_LIST.split())


@dataclass(frozen=True)
class ExpertProfile:
    id: str
    keywords: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    expertise: str = ""  # free text


@dataclass(frozen=True)
class ProjectProfile:
    id: str
    keywords: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    title: str = ""
    summary: str = ""


def normalise(text: str) -> str:
    """Lower-case, strip accents and turn every non-alphanumeric run into one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    # Dropping what is not ASCII after decomposition removes the accents; other letters
    # (Greek, for instance) would not survive the [a-z0-9] filter below anyway.
    bare = decomposed.encode("ascii", "ignore").decode("ascii")
    return " ".join(re.findall(r"[a-z0-9]+", bare))


def tokens(text: str) -> list[str]:
    """Return the content words of a text: normalised, no stop-words, plural -s removed."""
    return [_singular(word) for word in normalise(text).split() if _is_content(word)]


def affinity_matrix(
    experts: Sequence[ExpertProfile], projects: Sequence[ProjectProfile]
) -> np.ndarray:
    """Return the scores as a (projects x experts) float64 array, rounded to DECIMALS."""
    phrases = _phrase_vocabulary(experts, projects)
    expert_terms = [_terms(e.keywords, [e.expertise], phrases) for e in experts]
    project_terms = [_terms(p.keywords, [p.title, p.summary], phrases) for p in projects]
    cosine = _tfidf_cosine(project_terms, expert_terms)
    domains = _jaccard(
        [_domains(p.domains) for p in projects], [_domains(e.domains) for e in experts]
    )
    has_domains = np.isfinite(domains)
    scores = np.where(has_domains, TEXT_WEIGHT * cosine + DOMAIN_WEIGHT * domains, cosine)
    return np.round(np.clip(scores, 0.0, 1.0), DECIMALS)


def compute_affinities(
    experts: Sequence[ExpertProfile],
    projects: Sequence[ProjectProfile],
    *,
    top_k: int | None = 50,
    min_score: float = 0.0,
) -> tuple[Affinity, ...]:
    """Return the positive scores above min_score, at most top_k experts per project.

    top_k=None keeps every positive score: millions of objects for a large call, where the
    benchmark found the 50 best per project enough for the same optimum.
    """
    matrix = affinity_matrix(experts, projects)
    affinities = []
    for row, project in enumerate(projects):
        # A stable sort breaks ties by expert order, so the cut at top_k is deterministic.
        order = np.argsort(-matrix[row], kind="stable")[:top_k]
        for column in sorted(order.tolist()):
            score = float(matrix[row, column])
            if score > 0.0 and score >= min_score:
                affinities.append(Affinity(experts[column].id, project.id, score))
    return tuple(affinities)


def _is_content(word: str) -> bool:
    return len(word) > 1 and word not in STOP_WORDS


def _singular(word: str) -> str:
    # A crude plural rule, applied to both sides alike: "cells" and "cell" meet.
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _phrase(keyword: str) -> tuple[str, ...]:
    return tuple(tokens(keyword))


def _phrase_vocabulary(
    experts: Sequence[ExpertProfile], projects: Sequence[ProjectProfile]
) -> frozenset[tuple[str, ...]]:
    """Multi-word keywords of either side, so the same phrase is found in the other's text."""
    keywords = [k for e in experts for k in e.keywords] + [k for p in projects for k in p.keywords]
    return frozenset(
        phrase for phrase in map(_phrase, keywords) if 1 < len(phrase) <= _LONGEST_PHRASE
    )


def _terms(
    keywords: Sequence[str], texts: Sequence[str], phrases: frozenset[tuple[str, ...]]
) -> Counter[str]:
    """Count words and keyword phrases; declared keywords count once more than their text."""
    words = [word for text in (*texts, *keywords) for word in tokens(text)]
    counts = Counter(words)
    for size in range(2, _LONGEST_PHRASE + 1):
        for start in range(len(words) - size + 1):
            gram = tuple(words[start : start + size])
            if gram in phrases:
                counts[" ".join(gram)] += 1
    for keyword in keywords:
        phrase = _phrase(keyword)
        if len(phrase) > 1:
            counts[" ".join(phrase)] += 1
    return counts


def _tfidf_cosine(rows: list[Counter[str]], columns: list[Counter[str]]) -> np.ndarray:
    """Cosine of sublinear TF x smoothed IDF vectors, IDF taken over both sides together."""
    documents = len(rows) + len(columns)
    frequency = Counter(term for counts in (*rows, *columns) for term in counts)
    idf = {term: math.log((1 + documents) / (1 + df)) + 1.0 for term, df in frequency.items()}
    # Only terms found on both sides contribute to a dot product.
    shared = sorted({t for c in rows for t in c} & {t for c in columns for t in c})
    index = {term: i for i, term in enumerate(shared)}
    row_entries = _entries([_weights(counts, idf, index) for counts in rows])
    column_entries = _entries([_weights(counts, idf, index) for counts in columns])
    row_df = np.bincount(row_entries[1], minlength=len(shared))
    column_df = np.bincount(column_entries[1], minlength=len(shared))
    # Common terms touch a large share of all pairs: a dense product is cheaper for them.
    # Rare terms (most of a real vocabulary) add their few outer products one by one.
    is_common = row_df * column_df >= _COMMON_SHARE * len(rows) * len(columns)
    result = _dense_product(row_entries, column_entries, is_common, (len(rows), len(columns)))
    _add_rare_terms(result, row_entries, column_entries, ~is_common)
    return result


_Entries = tuple[np.ndarray, np.ndarray, np.ndarray]  # document, term, weight


def _weights(
    counts: Counter[str], idf: dict[str, float], index: dict[str, int]
) -> list[tuple[int, float]]:
    """L2-normalised weights over the whole vocabulary, kept on the shared terms only."""
    weights = {term: (1.0 + math.log(n)) * idf[term] for term, n in counts.items()}
    norm = math.sqrt(math.fsum(w * w for w in weights.values())) or 1.0
    return sorted((index[t], w / norm) for t, w in weights.items() if t in index)


def _entries(vectors: list[list[tuple[int, float]]]) -> _Entries:
    documents = np.repeat(np.arange(len(vectors)), [len(v) for v in vectors])
    terms = np.array([t for v in vectors for t, _ in v], dtype=np.int64)
    weights = np.array([w for v in vectors for _, w in v], dtype=np.float64)
    return documents, terms, weights


def _dense_product(
    rows: _Entries, columns: _Entries, selected: np.ndarray, shape: tuple[int, int]
) -> np.ndarray:
    """Dot products over the selected terms, densified block by block to bound memory."""
    compact = np.cumsum(selected) - 1  # term index -> column of the dense blocks
    width = int(selected.sum())
    result = np.zeros(shape)
    row_blocks = _blocks(rows, selected, compact, width, shape[0])
    column_blocks = list(_blocks(columns, selected, compact, width, shape[1]))
    for row_start, row_block in row_blocks:
        for column_start, column_block in column_blocks:
            result[
                row_start : row_start + len(row_block),
                column_start : column_start + len(column_block),
            ] = row_block @ column_block.T
    return result


def _blocks(
    entries: _Entries, selected: np.ndarray, compact: np.ndarray, width: int, count: int
) -> Iterator[tuple[int, np.ndarray]]:
    documents, terms, weights = entries
    keep = selected[terms]
    documents, terms, weights = documents[keep], compact[terms[keep]], weights[keep]
    for start in range(0, count, _BLOCK):
        block = np.zeros((min(_BLOCK, count - start), width))
        inside = (documents >= start) & (documents < start + _BLOCK)
        block[documents[inside] - start, terms[inside]] = weights[inside]
        yield start, block


def _add_rare_terms(
    result: np.ndarray, rows: _Entries, columns: _Entries, selected: np.ndarray
) -> None:
    row_postings = _postings(rows, selected)
    column_postings = _postings(columns, selected)
    for term, (row_documents, row_weights) in row_postings.items():
        column_documents, column_weights = column_postings[term]
        result[np.ix_(row_documents, column_documents)] += np.outer(row_weights, column_weights)


def _postings(entries: _Entries, selected: np.ndarray) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Documents and weights of each selected term, in document order."""
    documents, terms, weights = entries
    keep = selected[terms]
    documents, terms, weights = documents[keep], terms[keep], weights[keep]
    order = np.lexsort((documents, terms))
    documents, terms, weights = documents[order], terms[order], weights[order]
    starts = np.flatnonzero(np.diff(terms, prepend=-1))  # term indices are >= 0
    bounds = [*map(int, starts), len(terms)]
    return {int(terms[a]): (documents[a:b], weights[a:b]) for a, b in itertools.pairwise(bounds)}


def _domains(domains: Sequence[str]) -> frozenset[str]:
    return frozenset(filter(None, map(normalise, domains)))


def _jaccard(rows: list[frozenset[str]], columns: list[frozenset[str]]) -> np.ndarray:
    """Jaccard overlap; NaN where either side declares no domain."""
    vocabulary = sorted({d for s in (*rows, *columns) for d in s})
    index = {domain: i for i, domain in enumerate(vocabulary)}
    row_sets = _incidence(rows, index)
    column_sets = _incidence(columns, index)
    common = row_sets @ column_sets.T
    union = row_sets.sum(axis=1)[:, None] + column_sets.sum(axis=1)[None, :] - common
    empty = (row_sets.sum(axis=1)[:, None] == 0) | (column_sets.sum(axis=1)[None, :] == 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(empty, np.nan, common / union)


def _incidence(sets: list[frozenset[str]], index: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(sets), len(index)))
    for row, domains in enumerate(sets):
        matrix[row, [index[d] for d in domains]] = 1.0
    return matrix
