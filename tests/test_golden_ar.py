"""Arabic golden attributions (tests/golden/ar_*.jsonl) scored against claimtrack.

The data was written for this project by hand (see tests/golden/README.md); the scorer and its
matching rules live in tests/golden_scoring.py. Run with ``-s`` to see the figures table and
every miss; the same report is the assertion message when a floor is not met.
"""

import json
from pathlib import Path

import pytest

import claimtrack
from golden_scoring import check_case, load_cases, score_cases

GOLDEN = Path(__file__).resolve().parent / "golden"
FILES = ("ar_wire.jsonl", "ar_newspaper.jsonl", "ar_broadcast.jsonl", "ar_negative.jsonl")

ATTRIBUTION_RECALL_FLOOR = 0.9
ATTRIBUTION_PRECISION_FLOOR = 0.9
LINKING_ACCURACY_FLOOR = 0.9


def _extract_arabic(text: str):
    return claimtrack.extract(text, lang="ar")


@pytest.mark.parametrize("name", FILES)
def test_golden_file_is_well_formed(name):
    """Every line parses, ids are unique, and every cue/content string is really in its text."""
    path = GOLDEN / name
    ids = []
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{name}:{line_number}: blank line"
        raw = json.loads(line)
        problems = check_case(raw)
        assert not problems, f"{name}:{line_number} ({raw.get('id')}): {problems}"
        ids.append(raw["id"])
        if name == "ar_negative.jsonl":
            assert raw["attributions"] == [], f"{raw['id']}: a negative case holds attributions"
        else:
            assert raw["attributions"], f"{raw['id']}: a positive case without attributions"
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"


def test_golden_ids_are_unique_across_files():
    ids = [case.id for name in FILES for case in load_cases(GOLDEN / name)]
    assert len(ids) == len(set(ids))


@pytest.fixture(scope="module")
def golden_score():
    cases = [case for name in FILES for case in load_cases(GOLDEN / name)]
    return score_cases(cases, _extract_arabic)


def test_golden_arabic_scores(golden_score):
    report = golden_score.report()
    print()
    print(report)
    figures = (
        f"attribution precision {golden_score.precision:.3f} (floor {ATTRIBUTION_PRECISION_FLOOR}), "
        f"recall {golden_score.recall:.3f} (floor {ATTRIBUTION_RECALL_FLOOR}), "
        f"linking accuracy {golden_score.linking_accuracy:.3f} (floor {LINKING_ACCURACY_FLOOR}), "
        f"linking recall {golden_score.linking_recall:.3f}"
    )
    print(figures)
    assert (
        golden_score.recall >= ATTRIBUTION_RECALL_FLOOR
        and golden_score.precision >= ATTRIBUTION_PRECISION_FLOOR
        and golden_score.linking_accuracy >= LINKING_ACCURACY_FLOOR
    ), figures + "\n" + report
