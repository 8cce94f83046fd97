"""The BRAT reader and the scorer behind ``claimtrack eval``.

Small annotated articles written here exercise the reader (E lines before T lines, split
content, attributions without a source, workflow marks) and the scorer's matching rules. When
the PolNeAR corpus is present beside the repository (or at $CLAIMTRACK_POLNEAR), the scorer is
checked against the corpus's reference scorer on a few dev articles; otherwise that test skips.
"""

import importlib.util
import json
import os
from pathlib import Path

import pytest

from claimtrack import evaluate
from claimtrack.cli import main as cli_main

TEXT = "The mayor said the bridge would reopen. “It is safe,” she added. Rain is likely, forecasters say."
ANN = """E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T1\tSource 0 9\tThe mayor
T2\tCue 10 14\tsaid
T3\tContent 15 38\tthe bridge would reopen
T4\tAttribution 10 14\tsaid
T5\tContent 40 53\t“It is safe,”
T6\tSource 54 57\tshe
T7\tCue 58 63\tadded
E2\tAttribution:T7 Source:T6 Cue:T7 Content:T5
T8\tDiscuss 0 3\tThe
T9\tContent 65 80\tRain is likely,
T10\tCue 93 96\tsay
E3\tAttribution-no-source:T10 Cue:T10 Content:T9
#1\tAnnotatorNotes T1\ta note
"""


@pytest.fixture()
def corpus(tmp_path):
    (tmp_path / "city.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "city_ab12.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def test_reader_handles_event_order_marks_and_missing_sources(corpus):
    [article] = evaluate.load_articles(str(corpus))
    assert article.name == "city"
    assert [g.id for g in article.gold] == ["E1", "E2", "E3"]
    first, second, third = article.gold
    assert first.source == [(0, 9)] and first.cue == [(10, 14)] and first.content == [(15, 38)]
    assert second.source == [(54, 57)]
    assert third.source == [] and third.content == [(65, 80)]


def test_split_content_is_merged():
    [attribution] = evaluate.parse_ann("T1\tContent 0 4\tabcd\nT2\tContent 9 12\txyz\nT3\tCue 5 8\tsay\n"
                                       "E1\tAttribution:T3 Cue:T3 Content:T1 Content2:T2\n")
    assert attribution.content == [(0, 4), (9, 12)]


def _gold_as_predictions(article):
    return {article.name: [{"source": g.source, "cue": g.cue, "content": g.content} for g in article.gold]}


def test_perfect_predictions_score_one(corpus):
    articles = evaluate.load_articles(str(corpus))
    metrics = evaluate.score(articles, _gold_as_predictions(articles[0]))
    for key in ("attr@0.3", "attr@0.8"):
        assert metrics[key]["f1"] == 1.0 and metrics[key]["source_acc"] == 1.0


def test_partial_content_counts_at_lenient_threshold_only(corpus):
    articles = evaluate.load_articles(str(corpus))
    # half of "the bridge would reopen" (20 letters without spaces): overlap 0.5
    predictions = {"city": [{"source": [(0, 9)], "cue": [(10, 14)], "content": [(15, 26)]}]}
    metrics = evaluate.score(articles, predictions)
    assert metrics["attr@0.3"]["tp"] == 1
    assert metrics["attr@0.8"]["tp"] == 0
    assert metrics["attr@0.3"]["p"] == 1.0
    assert metrics["attr@0.3"]["r"] == pytest.approx(1 / 3)


def test_source_rules(corpus):
    articles = evaluate.load_articles(str(corpus))
    wrong = {"city": [{"source": [(54, 57)], "cue": [(93, 96)], "content": [(65, 80)]}]}
    assert evaluate.score(articles, wrong)["attr@0.3"]["source_acc"] == 0.0  # gold has no source
    right = {"city": [{"source": [], "cue": [(93, 96)], "content": [(65, 80)]}]}
    assert evaluate.score(articles, right)["attr@0.3"]["source_acc"] == 1.0


def test_eval_command_prints_json_and_writes_predictions(corpus, tmp_path, capsys):
    out = tmp_path / "pred.jsonl"
    status = cli_main(["eval", str(corpus), "--json", "--pred-out", str(out)])
    assert status == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["n_gold"] == 3
    assert metrics["attr@0.3"]["tp"] >= 2
    line = json.loads(out.read_text().splitlines()[0])
    assert line["article"] == "city" and line["attributions"]


def test_eval_command_fails_cleanly_on_a_missing_folder(tmp_path, capsys):
    assert cli_main(["eval", str(tmp_path / "nothing")]) == 2
    assert "no annotated articles" in capsys.readouterr().err


def _polnear_root() -> Path | None:
    configured = os.environ.get("CLAIMTRACK_POLNEAR")
    root = Path(configured) if configured else Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear"
    return root if (root / "data" / "dev" / "text").is_dir() else None


def _reference_scorer(root: Path):
    path = root.parent.parent / "tools" / "polnear.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("polnear_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_agrees_with_the_reference_scorer_on_polnear_dev():
    root = _polnear_root()
    if root is None:
        pytest.skip("PolNeAR is not beside the repository (set CLAIMTRACK_POLNEAR)")
    reference = _reference_scorer(root)
    if reference is None:
        pytest.skip("the PolNeAR reference scorer is not available")
    articles = evaluate.load_articles(str(root), "dev", limit=12)
    predictions = evaluate.predict(articles)
    ours = evaluate.score(articles, predictions)
    docs = reference.load_split("dev", 12, str(root / "data"), str(root / "data"))
    theirs = reference.score(docs, {name: (1, [{k: [list(r) for r in a[k]] for k in a} for a in rows])
                                    for name, rows in predictions.items()})
    for key in ("attr@0.3", "attr@0.8"):
        for figure in ("p", "r", "f1", "cue_acc", "source_acc"):
            assert abs(ours[key][figure] - theirs[key][figure]) <= 0.005, (key, figure)
    for role in ("source", "cue", "content"):
        assert abs(ours[f"span_{role}"]["f1"] - theirs[f"span_{role}"]["f1"]) <= 0.005
