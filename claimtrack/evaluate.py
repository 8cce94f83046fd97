"""Measure extraction against annotated articles in BRAT standoff (PARC / PolNeAR scheme).

An annotated folder holds ``NAME.txt`` articles and ``NAME[_ANNOTATOR].ann`` files whose ``T``
lines give ``Source`` / ``Cue`` / ``Content`` spans and whose ``E`` lines tie them into one
attribution. PolNeAR's layout (``metadata.tsv`` beside ``train/`` and ``dev/``, each with
``text/`` and ``attributions/``) and a flat folder of ``.txt`` + ``.ann`` pairs are both read.

Scoring follows the PolNeAR reference scorer, so figures can be compared across tools:

* every range becomes a set of character offsets, whitespace dropped;
* predicted and gold attributions are matched one-to-one, greedily, best pair first, on
  content overlap ``|P & G| / max(|P|, |G|)`` (ties broken by cue, then source agreement);
  a pair counts at threshold t (0.3 lenient, 0.8 strict) when its overlap reaches t;
* on matched pairs, the cue is right when it overlaps the gold cue, the source when it shares at
  least half the shorter of the two (a gold attribution without source wants none);
* per role, character precision/recall/F1 of the union of that role's spans per article.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

ROLES = ("source", "cue", "content")
THRESHOLDS = (0.3, 0.8)
Ranges = list[tuple[int, int]]

_SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t(.*))?$")
_EVENT_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ROLE_NUMBER = re.compile(r"\d+$")


@dataclass(slots=True)
class GoldAttribution:
    """One annotated attribution: character ranges per role (content may be split)."""

    id: str
    source: Ranges = field(default_factory=list)
    cue: Ranges = field(default_factory=list)
    content: Ranges = field(default_factory=list)


@dataclass(slots=True)
class Article:
    name: str
    text: str
    gold: list[GoldAttribution]
    annotation: str | None = None


# --- reading --------------------------------------------------------------------------------


def read_text(path: str) -> str:
    """An article as written: UTF-8, line ends kept, so offsets match the annotations."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def parse_ann(content: str) -> list[GoldAttribution]:
    """Attributions of one ``.ann`` file's text.

    ``E`` lines may come before the ``T`` lines they name; ``Content2`` (split content) joins
    ``Content``; the role comes from the ``E`` line even where the ``T`` type says otherwise;
    trigger spans (``Attribution``), workflow marks and continuation lines are not roles.
    """
    spans: dict[str, Ranges] = {}
    events: list[tuple[str, list[str]]] = []
    for line in content.split("\n"):
        line = line.rstrip("\r")
        match = _SPAN_LINE.match(line)
        if match:
            spans[match.group(1)] = [
                (int(a), int(b)) for a, b in (pair.split() for pair in match.group(3).split(";"))
            ]
            continue
        match = _EVENT_LINE.match(line)
        if match:
            events.append((match.group(1), match.group(2).split()))
    attributions = []
    for event_id, arguments in events:
        attribution = GoldAttribution(event_id)
        roles = 0
        for argument in arguments:
            role, _, span_id = argument.partition(":")
            key = _ROLE_NUMBER.sub("", role).lower()
            if key not in ROLES or span_id not in spans:
                continue
            getattr(attribution, key).extend(spans[span_id])
            roles += 1
        if roles:
            for key in ROLES:
                getattr(attribution, key).sort()
            attributions.append(attribution)
    return attributions


def _metadata(root: str) -> dict[str, dict[str, str]]:
    path = os.path.join(root, "metadata.tsv")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def _choose_ann(name: str, folder: str, metadata: dict[str, dict[str, str]]) -> str | None:
    """One annotation per article: the first annotator listed in the metadata, else the first file."""
    row = metadata.get(name)
    if row and row.get("annotators"):
        first = row["annotators"].split("|")[0].strip()
        path = os.path.join(folder, f"{name}_{first}.ann")
        if os.path.exists(path):
            return path
    exact = os.path.join(folder, name + ".ann")
    if os.path.exists(exact):
        return exact
    prefix = name + "_"
    found = sorted(
        entry for entry in os.listdir(folder)
        if entry.startswith(prefix) and entry.endswith(".ann") and "_" not in entry[len(prefix) : -4]
    )
    return os.path.join(folder, found[0]) if found else None


def locate(directory: str, split: str = "dev") -> tuple[str, str, dict[str, dict[str, str]]]:
    """``(text folder, annotation folder, metadata)`` for a corpus root, a split or a flat folder."""
    for root in (os.path.join(directory, "data"), directory):
        if os.path.isdir(os.path.join(root, split, "text")):
            base = os.path.join(root, split)
            return os.path.join(base, "text"), os.path.join(base, "attributions"), _metadata(root)
    if os.path.isdir(os.path.join(directory, "text")):
        annotations = os.path.join(directory, "attributions")
        if not os.path.isdir(annotations):
            annotations = os.path.join(directory, "ann")
        return os.path.join(directory, "text"), annotations, _metadata(os.path.dirname(directory.rstrip("/")))
    if os.path.isdir(directory):
        return directory, directory, _metadata(directory)
    raise FileNotFoundError(f"no annotated articles in {directory!r}")


def load_articles(directory: str, split: str = "dev", limit: int | None = None) -> list[Article]:
    """The annotated articles of a folder, sorted by name (the first ``limit`` if given)."""
    text_folder, ann_folder, metadata = locate(directory, split)
    names = sorted(entry[:-4] for entry in os.listdir(text_folder) if entry.endswith(".txt"))
    if limit:
        names = names[:limit]
    articles = []
    for name in names:
        text = read_text(os.path.join(text_folder, name + ".txt"))
        path = _choose_ann(name, ann_folder, metadata) if os.path.isdir(ann_folder) else None
        gold = parse_ann(read_text(path)) if path else []
        for attribution in gold:
            for key in ROLES:
                for start, end in getattr(attribution, key):
                    if not 0 <= start <= end <= len(text):
                        raise ValueError(f"{path}: {attribution.id}: range {start}-{end} outside the text")
        articles.append(Article(name, text, gold, path))
    return articles


# --- predictions ----------------------------------------------------------------------------


def prediction(attribution) -> dict[str, Ranges]:
    """An :class:`~claimtrack.models.Attribution` as role ranges: quoted parts stand for split content."""
    if attribution.quotes and attribution.kind == "direct":
        content = [(q.start, q.end) for q in attribution.quotes]
    else:
        content = [(attribution.content.start, attribution.content.end)]
    speaker = attribution.speaker
    return {
        "source": [(speaker.start, speaker.end)] if speaker else [],
        "cue": [(attribution.cue.start, attribution.cue.end)],
        "content": content,
    }


def predict(articles: Iterable[Article], progress: Callable[[int], None] | None = None) -> dict[str, list[dict]]:
    """Run :func:`claimtrack.extract` on each article: name -> predicted role ranges."""
    from claimtrack import extract

    predictions = {}
    for number, article in enumerate(articles, start=1):
        document = extract(article.text, lang="en", doc_id=article.name)
        predictions[article.name] = [prediction(a) for a in document.attributions]
        if progress:
            progress(number)
    return predictions


def write_predictions(path: str, predictions: dict[str, list[dict]]) -> None:
    """Predictions as JSONL in the reference scorer's format (one article a line)."""
    with open(path, "w", encoding="utf-8") as handle:
        for name, attributions in predictions.items():
            rows = [{key: [list(r) for r in a[key]] for key in ROLES} for a in attributions]
            handle.write(json.dumps({"article": name, "attributions": rows}) + "\n")


# --- scoring --------------------------------------------------------------------------------


def _chars(ranges: Ranges, text: str) -> frozenset[int]:
    return frozenset(i for start, end in ranges for i in range(start, end) if not text[i].isspace())


def _agreement(a: frozenset, b: frozenset) -> float:
    larger = max(len(a), len(b))
    return len(a & b) / larger if larger else 1.0


def _cue_right(predicted: frozenset, gold: frozenset) -> bool:
    return bool(predicted & gold) if (predicted or gold) else True


def _source_right(predicted: frozenset, gold: frozenset) -> bool:
    if not gold:
        return not predicted
    shared = len(predicted & gold)
    return shared > 0 and shared >= 0.5 * min(len(predicted), len(gold))


def _match(gold: list[dict], predicted: list[dict]) -> list[tuple[float, int, int]]:
    pairs = []
    for g, gold_sets in enumerate(gold):
        for p, predicted_sets in enumerate(predicted):
            shared = len(gold_sets["content"] & predicted_sets["content"])
            if shared:
                overlap = shared / max(len(gold_sets["content"]), len(predicted_sets["content"]))
                pairs.append((
                    -overlap,
                    -_agreement(gold_sets["cue"], predicted_sets["cue"]),
                    -_agreement(gold_sets["source"], predicted_sets["source"]),
                    g, p,
                ))
    pairs.sort()
    used_gold, used_predicted, matched = set(), set(), []
    for negative, _, _, g, p in pairs:
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        matched.append((-negative, g, p))
    return matched


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1}


def score(articles: Iterable[Article], predictions: dict[str, list[dict]], errors: list | None = None) -> dict:
    """Attribution P/R/F1 at each threshold, cue and source accuracy, per-role character F1."""
    n_gold = n_predicted = dropped_gold = dropped_predicted = n_articles = 0
    correct = {t: 0 for t in THRESHOLDS}
    cue_correct = {t: 0 for t in THRESHOLDS}
    source_correct = {t: 0 for t in THRESHOLDS}
    full = 0
    role_chars = {key: [0, 0, 0] for key in ROLES}
    for article in articles:
        n_articles += 1
        text = article.text
        gold = [{key: _chars(getattr(g, key), text) for key in ROLES} for g in article.gold]
        predicted = [{key: _chars(p.get(key) or [], text) for key in ROLES} for p in predictions.get(article.name, [])]
        for key in ROLES:
            gold_union = frozenset().union(*(g[key] for g in gold))
            predicted_union = frozenset().union(*(p[key] for p in predicted))
            role_chars[key][0] += len(gold_union & predicted_union)
            role_chars[key][1] += len(predicted_union)
            role_chars[key][2] += len(gold_union)
        gold_kept = [i for i, g in enumerate(gold) if g["content"]]
        predicted_kept = [i for i, p in enumerate(predicted) if p["content"]]
        dropped_gold += len(gold) - len(gold_kept)
        dropped_predicted += len(predicted) - len(predicted_kept)
        n_gold += len(gold_kept)
        n_predicted += len(predicted_kept)
        matched_gold: dict[int, tuple] = {}
        matched_predicted: set[int] = set()
        for overlap, a, b in _match([gold[i] for i in gold_kept], [predicted[i] for i in predicted_kept]):
            g, p = gold[gold_kept[a]], predicted[predicted_kept[b]]
            cue_ok = _cue_right(p["cue"], g["cue"])
            source_ok = _source_right(p["source"], g["source"])
            for threshold in THRESHOLDS:
                if overlap >= threshold:
                    correct[threshold] += 1
                    cue_correct[threshold] += cue_ok
                    source_correct[threshold] += source_ok
            if overlap >= THRESHOLDS[0]:
                full += cue_ok and source_ok
                matched_gold[gold_kept[a]] = (predicted_kept[b], overlap, cue_ok, source_ok)
                matched_predicted.add(predicted_kept[b])
        if errors is not None:
            _record_errors(errors, article, predictions.get(article.name, []), gold_kept,
                           predicted_kept, matched_gold, matched_predicted)
    metrics: dict = {
        "n_articles": n_articles, "n_gold": n_gold, "n_pred": n_predicted,
        "dropped_gold_no_content": dropped_gold, "dropped_pred_no_content": dropped_predicted,
    }
    for threshold in THRESHOLDS:
        tp = correct[threshold]
        metrics[f"attr@{threshold}"] = {
            "tp": tp, **_prf(tp, n_predicted, n_gold),
            "cue_acc": cue_correct[threshold] / tp if tp else 0.0,
            "source_acc": source_correct[threshold] / tp if tp else 0.0,
        }
    metrics["full@0.3"] = {"tp": full, **_prf(full, n_predicted, n_gold)}
    for key in ROLES:
        tp, predicted_chars, gold_chars = role_chars[key]
        metrics[f"span_{key}"] = {
            "tp_chars": tp, "pred_chars": predicted_chars, "gold_chars": gold_chars,
            **_prf(tp, predicted_chars, gold_chars),
        }
    return metrics


def _snippet(text: str, ranges: Ranges, width: int = 160) -> str:
    flat = " ".join(" ".join(text[a:b] for a, b in ranges).split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def _record_errors(errors, article, predicted, gold_kept, predicted_kept, matched_gold, matched_predicted):
    text = article.text

    def record(kind, g=None, p=None, **extra):
        row = {"article": article.name, "kind": kind}
        if g is not None:
            row["gold"] = {key: _snippet(text, getattr(article.gold[g], key)) for key in ROLES}
        if p is not None:
            row["pred"] = {key: _snippet(text, predicted[p][key]) for key in ROLES}
        row.update(extra)
        errors.append(row)

    for g in gold_kept:
        if g not in matched_gold:
            record("missed", g=g)
            continue
        p, overlap, cue_ok, source_ok = matched_gold[g]
        if not (cue_ok and source_ok):
            wrong = "_".join(role for role, ok in (("cue", cue_ok), ("source", source_ok)) if not ok)
            record("wrong_" + wrong, g=g, p=p, content_score=round(overlap, 3))
    for p in predicted_kept:
        if p not in matched_predicted:
            record("spurious", p=p)


def format_report(metrics: dict, title: str) -> str:
    lines = [
        f"{title}: {metrics['n_articles']} articles; gold {metrics['n_gold']} attributions, "
        f"predicted {metrics['n_pred']}",
        f"{'':26}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'cue-acc':>9}{'src-acc':>9}",
    ]
    for threshold in THRESHOLDS:
        row = metrics[f"attr@{threshold}"]
        lines.append(
            f"{'attribution @' + str(threshold):26}{row['p']:7.3f}{row['r']:7.3f}{row['f1']:7.3f}"
            f"{row['tp']:7d}{row['cue_acc']:9.3f}{row['source_acc']:9.3f}"
        )
    row = metrics["full@0.3"]
    lines.append(f"{'attr+cue+source @0.3':26}{row['p']:7.3f}{row['r']:7.3f}{row['f1']:7.3f}{row['tp']:7d}")
    lines.append(f"{'span chars':26}{'P':>7}{'R':>7}{'F1':>7}{'gold':>9}{'pred':>9}")
    for key in ROLES:
        row = metrics[f"span_{key}"]
        lines.append(
            f"{'  ' + key.capitalize():26}{row['p']:7.3f}{row['r']:7.3f}{row['f1']:7.3f}"
            f"{row['gold_chars']:9d}{row['pred_chars']:9d}"
        )
    return "\n".join(lines)


# --- the ``eval`` command -------------------------------------------------------------------


def _progress_bar(total: int, stream=sys.stderr) -> Callable[[int], None] | None:
    if total < 20 or not stream.isatty():
        return None
    started = time.perf_counter()

    def show(done: int) -> None:
        filled = 30 * done // total
        elapsed = time.perf_counter() - started
        stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {elapsed:5.1f}s")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", metavar="DIR",
                        help="annotated articles: a PolNeAR-style corpus root, one split, or .txt + .ann pairs")
    parser.add_argument("--split-name", default="dev",
                        help="the split to read when DIR holds several (default: dev)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles, by name")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--pred-out", metavar="FILE",
                        help="also write the predictions as JSONL (the reference scorer's input format)")
    parser.add_argument("--errors-out", metavar="FILE",
                        help="also write missed, spurious and wrong-role attributions as JSONL")


def run(args: argparse.Namespace) -> int:
    try:
        articles = load_articles(args.directory, args.split_name, args.limit)
    except (OSError, ValueError) as error:
        print(f"claimtrack eval: {error}", file=sys.stderr)
        return 2
    if not articles:
        print(f"claimtrack eval: no .txt articles in {args.directory!r}", file=sys.stderr)
        return 2
    predictions = predict(articles, _progress_bar(len(articles)))
    if args.pred_out:
        write_predictions(args.pred_out, predictions)
    errors = [] if args.errors_out else None
    metrics = score(articles, predictions, errors)
    if errors is not None:
        with open(args.errors_out, "w", encoding="utf-8") as handle:
            for row in errors:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(metrics, indent=1))
    else:
        print(format_report(metrics, f"claimtrack eval {args.directory}"))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimtrack.evaluate", description=__doc__.split("\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Article", "GoldAttribution", "load_articles", "parse_ann", "predict", "score", "write_predictions"]
