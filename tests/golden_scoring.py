"""Score claimtrack against golden attribution files (JSON Lines, one case a line).

A golden case is ``{"id", "style", "construction", "text", "attributions": [...]}``; each gold
attribution names its ``cue`` and a ``content`` substring as they appear in ``text``, the
``entity`` it resolves to (or null), the ``entity_kind`` and an optional ``relay``. When a cue or
content string occurs more than once in the text, ``cue_nth`` / ``content_nth`` (1-based) say
which occurrence is meant. tests/golden/README.md describes the format in full.

Matching, one to one and greedy in gold order:

* a predicted attribution matches a gold one when the gold ``content`` substring lies inside the
  predicted content span (character offsets) AND the predicted cue span overlaps the gold cue;
* attribution precision = matched / predicted, recall = matched / gold (all files together,
  negatives included, so every spurious attribution on a negative case costs precision).

Speaker linking, judged on matched pairs only:

* gold ``entity`` null (a passive ``يشتبه في أن``): correct when nothing or an ``anonymous``
  entity was linked;
* otherwise the predicted entity kind must equal the gold ``entity_kind``, and the names must
  agree after Arabic normalisation (:func:`claimtrack.text.normalize_arabic_string`, spaces
  collapsed): for registry kinds (``news_agency``, ``outlet``, ``government``) the names are equal;
  for the others (``person``, ``organization``, ``group``, ``anonymous``) one name contains the
  other as whole words (``كيم`` agrees with ``كيم جونغ أون``);
* linking accuracy = correct / matched; linking recall = correct / gold.

Relays (``ونقلت وكالة رويترز عن مصدر ...``) are reported for information, not gated.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from claimtrack.text import normalize_arabic_string

REGISTRY_KINDS = frozenset({"news_agency", "outlet", "government"})
ENTITY_KINDS = frozenset(
    {"person", "news_agency", "outlet", "government", "organization", "group", "anonymous"}
)
STYLES = frozenset({"wire", "newspaper", "broadcast"})


# ---------------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class GoldAttribution:
    case_id: str
    cue: str
    cue_start: int
    cue_end: int
    content: str
    content_start: int
    content_end: int
    entity: str | None
    entity_kind: str
    relay: str | None
    construction: str


@dataclass(frozen=True)
class GoldCase:
    id: str
    style: str
    construction: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    source: str


def _nth_offset(text: str, needle: str, nth: int) -> int:
    """Offset of the ``nth`` (1-based) occurrence of ``needle`` in ``text``, or -1."""
    start = -1
    for _ in range(nth):
        start = text.find(needle, start + 1)
        if start < 0:
            return -1
    return start


def _occurrences(text: str, needle: str) -> int:
    count, start = 0, text.find(needle)
    while start >= 0:
        count += 1
        start = text.find(needle, start + 1)
    return count


def check_case(raw: dict) -> list[str]:
    """Problems with one raw golden case (empty when it is well formed)."""
    problems = []
    for key in ("id", "style", "construction", "text", "attributions"):
        if key not in raw:
            problems.append(f"missing key {key!r}")
    if problems:
        return problems
    text = raw["text"]
    if raw["style"] not in STYLES:
        problems.append(f"style {raw['style']!r} not one of {sorted(STYLES)}")
    for number, gold in enumerate(raw["attributions"], 1):
        where = f"attribution {number}"
        for key in ("cue", "speaker", "entity", "entity_kind", "content", "relay"):
            if key not in gold:
                problems.append(f"{where}: missing key {key!r}")
        if any(key not in gold for key in ("cue", "content", "entity_kind", "entity")):
            continue
        if gold["entity_kind"] not in ENTITY_KINDS:
            problems.append(f"{where}: entity_kind {gold['entity_kind']!r} unknown")
        if gold["entity"] is None and gold["entity_kind"] != "anonymous":
            problems.append(f"{where}: a null entity must have entity_kind 'anonymous'")
        for key in ("cue", "content", "speaker"):
            value = gold.get(key)
            if value is None:
                if key != "speaker":
                    problems.append(f"{where}: {key} is null")
                continue
            count = _occurrences(text, value)
            if count == 0 and key == "speaker" and value.startswith("ال"):
                # After the preposition لـ the alef of ال is not written: لل + متحدث.
                count = _occurrences(text, "لل" + value[2:])
            nth = gold.get(f"{key}_nth")
            if count == 0:
                problems.append(f"{where}: {key} {value!r} is not in the text")
            elif nth is None and count > 1 and key != "speaker":
                problems.append(f"{where}: {key} {value!r} occurs {count} times; give {key}_nth")
            elif nth is not None and not 1 <= nth <= count:
                problems.append(f"{where}: {key}_nth={nth} but {value!r} occurs {count} times")
    return problems


def load_cases(path: Path) -> list[GoldCase]:
    """Read one golden file; raise ValueError naming the line of any malformed case."""
    cases = []
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        raw = json.loads(line)
        problems = check_case(raw)
        if problems:
            raise ValueError(f"{path.name}:{line_number} ({raw.get('id')}): " + "; ".join(problems))
        text = raw["text"]
        golds = []
        for gold in raw["attributions"]:
            cue_start = _nth_offset(text, gold["cue"], gold.get("cue_nth", 1))
            content_start = _nth_offset(text, gold["content"], gold.get("content_nth", 1))
            golds.append(
                GoldAttribution(
                    case_id=raw["id"],
                    cue=gold["cue"],
                    cue_start=cue_start,
                    cue_end=cue_start + len(gold["cue"]),
                    content=gold["content"],
                    content_start=content_start,
                    content_end=content_start + len(gold["content"]),
                    entity=gold["entity"],
                    entity_kind=gold["entity_kind"],
                    relay=gold.get("relay"),
                    construction=gold.get("construction", raw["construction"]),
                )
            )
        cases.append(
            GoldCase(
                id=raw["id"],
                style=raw["style"],
                construction=raw["construction"],
                text=text,
                attributions=tuple(golds),
                source=path.name,
            )
        )
    return cases


# ---------------------------------------------------------------------------------- scoring


def _norm(name: str) -> str:
    return " ".join(normalize_arabic_string(name).split())


def names_agree(gold_name: str, predicted_name: str, kind: str) -> bool:
    gold, predicted = _norm(gold_name), _norm(predicted_name)
    if not gold or not predicted:
        return False
    if kind in REGISTRY_KINDS:
        return gold == predicted
    # Whole words only: "كيم" agrees with "كيم جونغ أون", "ال" agrees with nothing.
    gold, predicted = f" {gold} ", f" {predicted} "
    return gold in predicted or predicted in gold


def link_is_correct(gold: GoldAttribution, predicted) -> bool:
    entity = predicted.entity
    if gold.entity is None:
        return entity is None or entity.kind == "anonymous"
    if entity is None or entity.kind != gold.entity_kind:
        return False
    return names_agree(gold.entity, entity.name, gold.entity_kind)


def _relay_is_correct(gold: GoldAttribution, predicted) -> bool:
    relay_entity = getattr(predicted, "relay_entity", None)
    relay_span = getattr(predicted, "relay", None)
    if gold.relay is None:
        return relay_entity is None and relay_span is None
    if relay_entity is not None and _norm(gold.relay) in (_norm(relay_entity.name),):
        return True
    return relay_span is not None and _norm(gold.relay) in _norm(relay_span.text)


def _matches(gold: GoldAttribution, predicted) -> bool:
    content, cue = predicted.content, predicted.cue
    inside = content.start <= gold.content_start and gold.content_end <= content.end
    overlaps = cue.start < gold.cue_end and gold.cue_start < cue.end
    return inside and overlaps


def _describe(predicted) -> str:
    entity = predicted.entity
    who = f"{entity.name} ({entity.kind})" if entity is not None else "no entity"
    content = predicted.content.text
    if len(content) > 60:
        content = content[:57] + "..."
    return f"cue {predicted.cue.text!r} -> {who}; content {content!r}"


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    linked: int = 0

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.linked += other.linked


@dataclass
class Score:
    total: Tally = field(default_factory=Tally)
    by_file: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_construction: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    relay_gold: int = 0
    relay_correct: int = 0
    cases: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_links: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(numerator: int, denominator: int) -> float:
        return numerator / denominator if denominator else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.total.matched, self.total.predicted)

    @property
    def recall(self) -> float:
        return self._ratio(self.total.matched, self.total.gold)

    @property
    def linking_accuracy(self) -> float:
        return self._ratio(self.total.linked, self.total.matched)

    @property
    def linking_recall(self) -> float:
        return self._ratio(self.total.linked, self.total.gold)

    def table(self) -> str:
        def row(label: str, tally: Tally, with_precision: bool = True) -> str:
            predicted = f"{tally.predicted:>5}" if with_precision else f"{'-':>5}"
            precision = f"{self._ratio(tally.matched, tally.predicted):>6.2f}" if with_precision else f"{'-':>6}"
            return (
                f"{label:<28} {tally.gold:>5} {predicted} {tally.matched:>5} {precision} "
                f"{self._ratio(tally.matched, tally.gold):>6.2f} "
                f"{self._ratio(tally.linked, tally.matched):>6.2f} "
                f"{self._ratio(tally.linked, tally.gold):>6.2f}"
            )

        header = f"{'':<28} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'linkA':>6} {'linkR':>6}"
        lines = [f"golden Arabic attributions: {self.cases} cases", header, row("ALL", self.total)]
        lines.append("-- by file")
        lines += [row(name, tally) for name, tally in sorted(self.by_file.items())]
        lines.append("-- by construction of the gold attribution (recall and linking only)")
        lines += [row(name, tally, with_precision=False) for name, tally in sorted(self.by_construction.items())]
        lines.append(f"relays right: {self.relay_correct}/{self.relay_gold} (information only)")
        return "\n".join(lines)

    def misses(self) -> str:
        parts = []
        for title, items in (
            ("missed gold attributions", self.missed),
            ("spurious predictions", self.spurious),
            ("wrong speaker links", self.wrong_links),
        ):
            parts.append(f"{title} ({len(items)}):")
            parts += [f"  {item}" for item in items]
        return "\n".join(parts)

    def report(self) -> str:
        return self.table() + "\n" + self.misses()


def score_cases(cases: list[GoldCase], extract) -> Score:
    """Run ``extract(text)`` on every case and score it against the gold attributions."""
    score = Score()
    for case in cases:
        score.cases += 1
        predictions = list(extract(case.text).attributions)
        used = [False] * len(predictions)
        file_tally = score.by_file[case.source]
        for gold in case.attributions:
            construction = score.by_construction[gold.construction]
            for tally in (score.total, file_tally, construction):
                tally.gold += 1
            found = None
            for index, predicted in enumerate(predictions):
                if not used[index] and _matches(gold, predicted):
                    found = index
                    break
            if found is None:
                score.missed.append(f"{case.id}: cue {gold.cue!r} content {gold.content!r}")
                continue
            used[found] = True
            predicted = predictions[found]
            correct = link_is_correct(gold, predicted)
            for tally in (score.total, file_tally, construction):
                tally.matched += 1
                tally.predicted += 1
                tally.linked += int(correct)
            if not correct:
                score.wrong_links.append(
                    f"{case.id}: cue {gold.cue!r} gold {gold.entity!r} ({gold.entity_kind}); "
                    f"predicted {_describe(predicted)}"
                )
            if gold.relay is not None:
                score.relay_gold += 1
                score.relay_correct += int(_relay_is_correct(gold, predicted))
        for index, predicted in enumerate(predictions):
            if not used[index]:
                score.total.predicted += 1
                file_tally.predicted += 1
                score.spurious.append(f"{case.id}: {_describe(predicted)}")
    return score
