"""Sourcing audit: exact counts on the three-outlet story, traceability, and the audit command."""

from __future__ import annotations

import csv
import io
import json

import pytest
from claim_docs import STORY, make_doc, story_documents

import claimtrack
from claimtrack.audit import UNLINKED
from claimtrack.cli import main
from claimtrack.errors import InputError
from claimtrack.models import ENTITY_KINDS, SourcingReport


@pytest.fixture(scope="module")
def story():
    docs = story_documents()
    return docs, claimtrack.audit(docs)


def _row(report: SourcingReport, outlet: str):
    (row,) = [r for r in report.outlets if r.outlet == outlet]
    return row


def test_seed_outlet_counts_are_exact(story):
    _, report = story
    row = _row(report, "seed_outlet")
    assert row.articles == 1 and row.attributions == 13
    assert {k: v for k, v in row.by_kind.items() if v} == {
        "person": 6,  # Putin four times, Kim, Peskov
        "news_agency": 3,  # TASS twice, "Russian news agencies"
        "government": 2,  # Washington, Seoul
        "group": 1,  # "the Westerners"
        "anonymous": 1,  # the passive "it is suspected that"
    }
    assert row.share_anonymous == round(1 / 13, 4)
    assert row.share_state_run == round(2 / 13, 4)  # TASS, from the registry
    assert row.share_direct == 0.0
    assert row.distinct_speakers == 9
    assert (row.top_sources[0].name, row.top_sources[0].count) == ("فلاديمير بوتين", 4)
    assert row.single_source_articles == []


def test_our_arabic_outlet_counts_are_exact(story):
    _, report = story
    row = _row(report, "arab_daily")
    assert row.attributions == 6
    kinds = row.by_kind
    assert kinds["news_agency"] == 2  # RIA Novosti, Yonhap
    assert kinds["person"] == 1  # Putin
    assert kinds["anonymous"] == 2  # "a Russian official", "informed sources"
    assert kinds["organization"] + kinds["group"] + kinds["government"] == 1  # "the West"
    assert row.share_anonymous == round(2 / 6, 4)
    assert row.share_state_run == round(1 / 6, 4)  # RIA Novosti is state-run; Yonhap is not
    assert row.distinct_speakers == 6


def test_english_outlet_counts_are_exact(story):
    _, report = story
    row = _row(report, "world_wire")
    assert row.attributions == 6
    assert row.by_kind["person"] == 3  # Putin, Peskov twice
    assert row.by_kind["news_agency"] == 2  # TASS, Yonhap
    assert row.by_kind["government"] + row.by_kind["group"] == 1  # "Western governments"
    assert row.share_direct == round(2 / 6, 4)
    assert row.distinct_speakers == 5  # TASS, Putin, Peskov, Western governments, Yonhap
    assert row.share_state_run == round(1 / 6, 4)  # TASS


def test_counts_add_up(story):
    docs, report = story
    total = report.total
    assert total.attributions == sum(len(d.attributions) for d in docs) == 13 + 6 + 6
    assert total.articles == len(docs)
    for row in [*report.outlets, *report.articles, total]:
        assert set(row.by_kind) == {*ENTITY_KINDS, UNLINKED}
        assert sum(row.by_kind.values()) == row.attributions
    for kind in row.by_kind:
        assert sum(r.by_kind[kind] for r in report.outlets) == total.by_kind[kind]
        assert sum(r.by_kind[kind] for r in report.articles) == total.by_kind[kind]


def test_every_figure_traces_to_attributions(story):
    docs, report = story
    by_id = {a.id: (d, a) for d in docs for a in d.attributions}
    for row in [*report.outlets, *report.articles, report.total]:
        for kind, count in row.by_kind.items():
            assert len(row.evidence.get(f"kind:{kind}", [])) == count
        assert row.share_anonymous == round(len(row.evidence.get("anonymous", [])) / row.attributions, 4)
        assert row.share_state_run == round(len(row.evidence.get("state_run", [])) / row.attributions, 4)
        assert row.share_direct == round(len(row.evidence.get("direct", [])) / row.attributions, 4)
        for refs in row.evidence.values():
            for ref in refs:
                doc, attribution = by_id[ref.attribution_id]
                assert doc.id == ref.doc_id
                assert ref.start <= attribution.cue.start and attribution.cue.end <= ref.end
                assert ref.start <= attribution.content.start and attribution.content.end <= ref.end
                assert 0 <= ref.start < ref.end <= len(doc.text)
        for source in row.top_sources:
            assert len(source.attribution_ids) == source.count
            assert all(i in by_id for i in source.attribution_ids)


def test_single_source_articles_and_state_run():
    lone = make_doc("lone", "A", [("x one", "TASS", "news_agency"), ("y two", "TASS", "news_agency")], state_run=True)
    mixed = make_doc("mixed", "A", [("x one", "TASS", "news_agency"), ("z", "Peskov", "person")])
    report = claimtrack.audit([mixed, lone])
    (outlet,) = report.outlets
    assert outlet.single_source_articles == ["lone"]
    assert outlet.share_state_run == 0.5
    assert [r.doc_id for r in report.articles] == ["lone", "mixed"]  # a fixed order
    assert report.articles[0].single_source_articles == ["lone"]


def test_unlinked_and_no_outlet():
    doc = make_doc("d", None, [("claim", None, None)])
    report = claimtrack.audit([doc])
    assert report.outlets[0].outlet is None
    assert report.outlets[0].by_kind[UNLINKED] == 1
    assert claimtrack.audit([]).total.attributions == 0


def test_audit_bad_input():
    doc = make_doc("d", "A", [("claim", None, None)])
    with pytest.raises(InputError):
        claimtrack.audit([doc, doc])
    with pytest.raises(TypeError):
        claimtrack.audit([{"id": "d"}])


def test_audit_round_trips(story):
    _, report = story
    assert SourcingReport.model_validate_json(report.model_dump_json()) == report


# --- the audit command ----------------------------------------------------------------------


def test_audit_command_table_json_csv(capsys):
    assert main(["audit", str(STORY), "--articles", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "outlet \u2068arab_daily\u2069: 1 articles, 6 attributions" in out
    assert "article" in out
    assert main(["audit", str(STORY), "--json", "--no-progress"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert {row["outlet"] for row in payload["outlets"]} == {"arab_daily", "world_wire"}
    assert payload["total"]["attributions"] == sum(row["attributions"] for row in payload["outlets"])
    assert main(["audit", str(STORY), "--csv", "--no-progress"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    outlet_rows = [r for r in rows if r["level"] == "outlet"]
    article_rows = [r for r in rows if r["level"] == "article"]
    assert len(outlet_rows) == 2 and len(article_rows) == 2
    for row in rows:
        kinds = sum(int(row[k]) for k in (*ENTITY_KINDS, UNLINKED))
        assert kinds == int(row["attributions"])


def test_audit_command_html(tmp_path, capsys):
    html = tmp_path / "nested" / "audit.html"
    assert main(["audit", str(STORY), "--html", str(html), "--no-progress"]) == 2  # no such folder
    assert "audit.html" in capsys.readouterr().err
    html = tmp_path / "audit.html"
    assert main(["audit", str(STORY), "--html", str(html), "--no-progress"]) == 0
    text = html.read_text(encoding="utf-8")
    assert 'id="count-articles" data-count="2"' in text
    assert list(tmp_path.glob(".audit.html.*")) == []  # no temporary file left behind
