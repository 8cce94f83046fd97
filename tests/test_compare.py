"""Claim matching, ranking, clustering, coverage and divergence, and the ``compare`` command."""

from __future__ import annotations

import json
import random

import pytest
from claim_docs import STORY, make_doc, story_documents

import claimtrack
from claimtrack.cli import main
from claimtrack.compare import (
    DEFAULT_THRESHOLD,
    candidate_pairs,
    coverage,
    divergence,
    normalize_claim,
)
from claimtrack.errors import InputError, UnsupportedLanguageError
from claimtrack.models import ClaimCluster

# --- normalisation and match ----------------------------------------------------------------


def test_arabic_normalisation_ignores_diacritics_tatweel_letter_forms_and_clitics():
    plain = "قال الرئيس إن المدينة كبيرة"
    decorated = "قَالَ الرَّئِيـــسُ إنّ المدينه كبيرةٌ"
    assert normalize_claim(plain, "ar") == normalize_claim(decorated, "ar")
    # the conjunction و and the article ال are clitics, not part of the word
    assert normalize_claim("والمدينة", "ar") == normalize_claim("مدينة", "ar")
    # Eastern Arabic digits are digits
    assert normalize_claim("وصل ٥٠٠٠ جندي", "ar") == normalize_claim("وصل 5000 جندي", "ar")


def test_arabic_matching_reads_alef_maqsura_as_ya():
    # "فى" is a common spelling of the preposition "في" (a stop word), "مستوى" of "مستوي".
    assert normalize_claim("ارتفع الذهب فى السوق إلى أعلى مستوى", "ar") == normalize_claim(
        "ارتفع الذهب في السوق الي اعلي مستوي", "ar"
    )
    assert normalize_claim("الحكومة فى القاهرة", "ar") == normalize_claim("الحكومة القاهرة", "ar")


def test_english_normalisation_ignores_case_punctuation_and_quote_marks():
    a = "“We will NOT back down,” the ministry said."
    b = '"we will not back down" - the Ministry said'
    assert normalize_claim(a, "en") == normalize_claim(b, "en")
    assert claimtrack.match(a, b).score == 100


def test_match_same_claim_reworded_arabic():
    result = claimtrack.match(
        "وصل الزعيم الكوري الشمالي كيم جونغ أون إلى فلاديفوستوك في أقصى شرق روسيا",
        "وَصَلَ الزعيم الكوري الشمالي كيم جونغ اون الى مدينة فلاديفوستوك في اقصى الشرق الروسي",
    )
    assert result.same and result.conflict is None
    assert result.score >= DEFAULT_THRESHOLD


def test_match_unrelated_claims_are_not_the_same():
    result = claimtrack.match(
        "Kim Jong Un arrived in Vladivostok on Saturday", "Oil prices fell sharply on weak demand in Asia"
    )
    assert not result.same and result.conflict is None and result.score < 40


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("Russia sent 5000 troops to the border", "Russia sent 7000 troops to the border", "number"),
        ("The two countries signed an agreement", "The two countries did not sign an agreement", "negation"),
        ("تم التوقيع على اتفاق بين البلدين", "لم يتم التوقيع على أي اتفاق بين البلدين", "negation"),
        ("ارتفاع أسعار الذهب في الأسواق العالمية", "انخفاض أسعار الذهب في الأسواق العالمية", "opposite"),
        ("Gold prices rose on Monday", "Gold prices fell on Monday", "opposite"),
        ("إنتاج مصر من الغاز يحقق قفزة في أكتوبر", "إنتاج ليبيا من الغاز يحقق قفزة في أكتوبر", "entity"),
        ("وصل 7 آلاف جندي", "وصل 9 آلاف جندي", "number"),
        ("إقالة وزير الصحة التونسي بعد غرق قارب", "إقالة وزير التعليم التونسي بعد غرق قارب", "substitution"),
    ],
)
def test_match_flags_conflicting_versions_instead_of_merging(a, b, conflict):
    result = claimtrack.match(a, b)
    assert result.conflict == conflict
    assert not result.same
    assert result.related


def test_match_number_written_two_ways_is_not_a_conflict():
    assert claimtrack.match("7 thousand people fled", "7000 people fled").conflict is None
    assert claimtrack.match("وصل 7 آلاف جندي", "وصل 7000 جندي").conflict is None


def test_match_still_is_not_a_negation():
    # "لا تزال" is "still": the negation particle does not negate the claim.
    result = claimtrack.match("السعودية لا تزال تعتقل 9 ناشطات", "السعودية تعتقل 9 ناشطات")
    assert result.conflict is None and result.same


def test_match_reworded_claim_with_one_word_traded_and_moved_is_not_a_substitution():
    # One word traded ("تفتتح" / "تدشنه") while the words around it move: a paraphrase. A
    # substitution swaps a word in place, between the same neighbours.
    result = claimtrack.match(
        "الحكومة المصرية تفتتح أكبر مستشفى للأطفال", "أكبر مستشفى للأطفال تدشنه الحكومة المصرية", lang="ar"
    )
    assert result.conflict is None and result.same
    swapped = claimtrack.match("الحكومة المصرية تفتتح أكبر مستشفى للأطفال", "الحكومة المصرية تغلق أكبر مستشفى للأطفال", lang="ar")
    assert swapped.conflict == "substitution"


def test_match_threshold_is_respected():
    a, b = "Kim arrived in Vladivostok on Saturday", "Kim Jong Un reached Vladivostok by train"
    score = claimtrack.match(a, b).score
    assert claimtrack.match(a, b, threshold=score).same
    assert not claimtrack.match(a, b, threshold=min(100, score + 1)).same


def test_match_bad_input():
    with pytest.raises(TypeError):
        claimtrack.match("text", None)
    with pytest.raises(UnsupportedLanguageError, match="ar, en"):
        claimtrack.match("a", "b", lang="xx")
    assert claimtrack.match("", "").score >= 0


# --- rank -----------------------------------------------------------------------------------


def test_rank_puts_the_restated_claim_first():
    candidates = [
        "Oil prices fell on Monday.",
        "Kim Jong Un arrived in Vladivostok and was met by Sergei Shoigu.",
        "The Kremlin said no agreements were signed with North Korea.",
        "Vladivostok hosts an economic forum every year.",
    ]
    ranked = claimtrack.rank("Peskov: no agreement was signed between Russia and North Korea", candidates, k=2)
    assert [index for index, _ in ranked][0] == 2
    assert len(ranked) == 2
    assert ranked[0][1] >= ranked[1][1]


def test_rank_edge_cases():
    assert claimtrack.rank("anything", []) == []
    assert claimtrack.rank("anything", ["a", "b"], k=0) == []
    assert len(claimtrack.rank("anything", ["a", "b"], k=10)) == 2
    with pytest.raises(ValueError):
        claimtrack.rank("anything", ["a"], k=-1)


def test_rank_arabic():
    candidates = ["ارتفاع أسعار النفط", "وصل كيم جونغ أون إلى فلاديفوستوك", "بوتين يزور الصين"]
    assert claimtrack.rank("وَصَلَ كيم إلى مدينة فلاديفوستوك", candidates, k=1)[0][0] == 1


# --- compare on the three-outlet story ------------------------------------------------------


def _cluster_of(clusters: list[ClaimCluster], attribution_id: str) -> ClaimCluster:
    (found,) = [c for c in clusters if any(m.attribution.id == attribution_id for m in c.members)]
    return found


@pytest.fixture(scope="module")
def story():
    docs = story_documents()
    return docs, claimtrack.compare(docs)


def test_story_same_claims_cluster_together(story):
    docs, clusters = story
    seed, arab, _ = docs
    # (seed attribution, our Arabic attribution) that state the same claim
    same = [("seed:a1", f"{arab.id}:a1"), ("seed:a3", f"{arab.id}:a2"), ("seed:a6", f"{arab.id}:a3"), ("seed:a5", f"{arab.id}:a4")]
    for left, right in same:
        cluster = _cluster_of(clusters, left)
        assert right in {m.attribution.id for m in cluster.members}, (left, right)
        assert cluster.outlets == ["arab_daily", "seed_outlet"]


def test_story_different_claims_stay_apart(story):
    docs, clusters = story
    arab = docs[1]
    # Yonhap's train report and the sources' talk of workers appear in one outlet only
    for attribution_id in (f"{arab.id}:a5", f"{arab.id}:a6"):
        assert len(_cluster_of(clusters, attribution_id).members) == 1
    # no cluster holds two attributions of one article, and each attribution is in one cluster
    seen = [m.attribution.id for c in clusters for m in c.members]
    assert len(seen) == len(set(seen)) == sum(len(d.attributions) for d in docs)
    for cluster in clusters:
        assert len({m.doc_id for m in cluster.members}) == len(cluster.members)
    # exactly the four shared claims are shared
    assert sum(1 for c in clusters if len(c.outlets) > 1) == 4


def test_story_divergence(story):
    docs, clusters = story
    arab = docs[1]
    credited = _cluster_of(clusters, "seed:a1")
    assert "source" in credited.divergence
    assert {m.source for m in credited.members} == {"تاس", "ريا نوفوستي"}
    quoted = _cluster_of(clusters, "seed:a3")
    assert "form" in quoted.divergence
    assert {m.attribution.id: m.form for m in quoted.members} == {"seed:a3": "partial_quote", f"{arab.id}:a2": "paraphrase"}
    # the seed says no agreement was signed; our Arabic article says one was
    signed = _cluster_of(clusters, "seed:a5")
    assert signed.conflicts == ["negation"]
    assert "conflict" in signed.divergence
    assert sum(1 for m in signed.members if m.conflict == "negation") == 1
    assert {c.id for c in divergence(clusters)} >= {credited.id, quoted.id, signed.id}


def test_story_coverage(story):
    docs, clusters = story
    table = coverage(clusters)
    assert table.outlets == ["arab_daily", "seed_outlet", "world_wire"]
    assert len(table.claims) == len(clusters)
    for row, outlet in enumerate(table.outlets):
        carried = sum(table.matrix[row])
        assert carried == sum(len(d.attributions) for d in docs if d.outlet == outlet)
    # the English article is in another language: nothing is carried by all three outlets
    assert table.every_outlet == []
    assert set(table.single_outlet["world_wire"]) == {
        c.id for c in clusters if c.outlets == ["world_wire"]
    }


def test_compare_is_deterministic_and_round_trips(story):
    docs, clusters = story
    again = claimtrack.compare(list(reversed(docs)))
    assert [c.model_dump() for c in again] == [c.model_dump() for c in clusters]
    for cluster in clusters:
        assert ClaimCluster.model_validate_json(cluster.model_dump_json()) == cluster


# --- compare on built documents -------------------------------------------------------------


def test_two_claims_of_one_article_never_merge():
    doc = make_doc("d1", "A", [("Kim arrived in Vladivostok", "TASS", "news_agency")] * 2)
    other = make_doc("d2", "B", [("Kim arrived in Vladivostok", "TASS", "news_agency")])
    clusters = claimtrack.compare([doc, other])
    assert len(clusters) == 2
    assert sorted(len(c.members) for c in clusters) == [1, 2]


def test_conflicting_versions_are_flagged_in_their_cluster():
    a = make_doc("d1", "A", [("Russia will deliver 5000 shells to the army next month", "TASS", "news_agency")])
    b = make_doc("d2", "B", [("Russia will deliver 7000 shells to the army next month", "Reuters", "news_agency")])
    (cluster,) = claimtrack.compare([a, b])
    assert cluster.conflicts == ["number"]
    assert [m.conflict for m in cluster.members].count("number") == 1


def test_speaker_entity_is_supporting_evidence():
    text_a = "Moscow wants to buy artillery shells from Pyongyang for the war"
    text_b = "Moscow is keen to buy shells and rockets from Pyongyang"
    score = claimtrack.match(text_a, text_b).score
    threshold = min(100.0, score + 3)
    same_source = [make_doc("d1", "A", [(text_a, "Peskov", "person")]), make_doc("d2", "B", [(text_b, "Peskov", "person")])]
    other_source = [make_doc("d1", "A", [(text_a, "Peskov", "person")]), make_doc("d2", "B", [(text_b, "Biden", "person")])]
    assert len(claimtrack.compare(same_source, threshold=threshold)) == 1
    assert len(claimtrack.compare(other_source, threshold=threshold)) == 2
    assert len(claimtrack.compare(same_source, threshold=threshold, speaker_bonus=0)) == 2


def test_compare_bad_input():
    doc = make_doc("d1", "A", [("x", None, None)])
    with pytest.raises(InputError, match="d1"):
        claimtrack.compare([doc, doc])
    with pytest.raises(TypeError):
        claimtrack.compare(["not a document"])
    assert claimtrack.compare([]) == []
    assert coverage([]).outlets == []


def test_blocking_finds_what_brute_force_finds():
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = sorted({"".join(rng.choices(letters, k=rng.randint(4, 9))) for _ in range(3000)})
    base = [" ".join(rng.sample(vocabulary, rng.randint(6, 12))) for _ in range(800)]
    keys = []
    for text in base:
        words = text.split()
        keys.append(text)
        for _ in range(2):
            variant = [w for w in words if rng.random() > 0.15] + rng.sample(vocabulary, 1)
            rng.shuffle(variant)
            keys.append(" ".join(variant))
    brute = {pair for pair, score in candidate_pairs(keys, DEFAULT_THRESHOLD, blocking=False).items()}
    blocked = {pair for pair, score in candidate_pairs(keys, DEFAULT_THRESHOLD, blocking=True).items()}
    assert blocked <= brute
    assert len(brute) > 1000
    assert len(blocked & brute) / len(brute) >= 0.95


# --- the compare command --------------------------------------------------------------------


def _jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_compare_command_json(tmp_path, capsys):
    articles = _jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "1", "outlet": "A", "text": "Kim Jong Un arrived in Vladivostok on Saturday, TASS reported."},
            {"id": "2", "outlet": "B", "text": "Kim Jong Un arrived in Vladivostok on Saturday, Reuters reported."},
        ],
    )
    assert main(["compare", str(articles), "--json", "--no-progress"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["coverage"]["outlets"] == ["A", "B"]
    shared = [c for c in payload["clusters"] if len(c["outlets"]) == 2]
    assert len(shared) == 1 and "source" in shared[0]["divergence"]


def test_compare_command_folder_table_and_html(tmp_path, capsys):
    report = tmp_path / "report.html"
    assert main(["compare", str(STORY), "--html", str(report), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "3 outlets" not in out or "2 articles" not in out
    assert "2 articles, 2 outlets" in out  # the story folder holds our two articles
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_compare_command_csv(tmp_path, capsys):
    assert main(["compare", str(STORY), "--csv", "--no-progress"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("cluster_id,cluster_text,doc_id,outlet,attribution_id")
    assert len(lines) > 5


def test_malformed_jsonl_names_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "outlet": "A", "text": "Kim Jong Un arrived in Vladivostok on Saturday, TASS reported."}\n{"id": 2, "outlet": \n', encoding="utf-8")
    html = tmp_path / "out.html"
    assert main(["compare", str(bad), "--html", str(html), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2" in err and "malformed JSON" in err
    assert not html.exists()  # nothing half-written
    assert main(["compare", str(bad), "--skip-bad", "--json", "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert "skipped 1 bad input" in captured.err
    assert len(json.loads(captured.out)["clusters"]) >= 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"outlet": "A", "text": "x"}', "missing field 'id'"),
        ('{"id": "1", "outlet": "A", "text": 5}', "'text' must be a string"),
        ('["not", "an", "object"]', "expected a JSON object"),
        ('{"id": "1", "outlet": "A", "text": "x", "lang": "fr"}', "unsupported 'lang'"),
    ],
)
def test_bad_article_lines(tmp_path, capsys, line, message):
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    assert main(["compare", str(path), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:1" in err and message in err


def test_missing_input_and_bad_bytes(tmp_path, capsys):
    assert main(["audit", str(tmp_path / "nope.jsonl"), "--no-progress"]) == 2
    assert "no such file" in capsys.readouterr().err
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"id": "1", "outlet": "A", "text": "caf\xe9"}\n')
    assert main(["audit", str(path), "--no-progress"]) == 2
    assert f"{path}:1" in capsys.readouterr().err


# --- evaluation gate on third-party data (skips when ../shared/eval is absent) ---------------

EVAL = STORY.parent.parent.parent.parent / "shared" / "eval"


@pytest.mark.skipif(not (EVAL / "ans" / "data" / "stance" / "dev.csv").exists(), reason="needs ../shared/eval/ans")
def test_ans_dev_floor():
    """Pinned floors a little under the figures in docs/compare.md: a drop fails the suite."""
    import sys

    sys.path.insert(0, str(STORY.parent.parent.parent / "benchmarks"))
    from eval_compare import ans_figures, read_ans

    figures = ans_figures(read_ans(EVAL, "dev"), DEFAULT_THRESHOLD)
    assert figures["agree_matched"] >= 0.85
    assert figures["disagree_flagged"] >= 0.50


# --- reading articles -----------------------------------------------------------------------


def test_read_articles_jsonl_and_folders(tmp_path):
    from claimtrack.articles import read_articles

    jsonl = tmp_path / "a.jsonl"
    jsonl.write_bytes(
        "\ufeff".encode() + b'{"id": 1, "outlet": "A", "text": "x", "lang": "EN", "title": "t"}\n\n'
        b'{"id": "2", "outlet": null, "text": "y"}\n'
    )
    folder = tmp_path / "news"
    (folder / "tass").mkdir(parents=True)
    (folder / "tass" / "one.txt").write_text("Kim arrived.", encoding="utf-8")
    (folder / "loose.txt").write_text("A loose article.", encoding="utf-8")
    result = read_articles([jsonl, folder])
    assert [(a.id, a.outlet, a.lang) for a in result.articles] == [
        ("1", "A", "en"), ("2", None, None), ("loose", "news", None), ("tass/one", "tass", None)
    ]
    assert result.articles[0].origin == f"{jsonl}:1" and result.articles[0].title == "t"


def test_read_articles_duplicates_and_empty(tmp_path):
    from claimtrack.articles import read_articles

    path = tmp_path / "dup.jsonl"
    path.write_text('{"id": "1", "outlet": "A", "text": "x"}\n{"id": "1", "outlet": "B", "text": "y"}\n')
    with pytest.raises(InputError, match=r"dup.jsonl:2: duplicate article id '1'"):
        read_articles([path])
    result = read_articles([path], skip_bad=True)
    assert len(result.articles) == 1 and len(result.skipped) == 1
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    with pytest.raises(InputError, match="no articles"):
        read_articles([empty])
    (tmp_path / "nothing").mkdir()
    with pytest.raises(InputError, match="no .txt files"):
        read_articles([tmp_path / "nothing"])


def test_huge_claims_do_not_stall():
    import time

    rng = random.Random(3)
    words = ["".join(rng.choices("abcdefghij", k=6)) for _ in range(5000)]
    huge_a = " ".join(rng.choices(words, k=40_000))
    huge_b = " ".join(rng.choices(words, k=40_000))
    started = time.perf_counter()
    claimtrack.match(huge_a, huge_b)
    docs = [make_doc("d1", "A", [(huge_a, None, None)]), make_doc("d2", "B", [(huge_b, None, None)])]
    assert len(claimtrack.compare(docs)) in (1, 2)
    claimtrack.rank(huge_a, [huge_b, "short claim"])
    assert time.perf_counter() - started < 10


def test_compare_command_rejects_bad_threshold(capsys):
    assert main(["compare", str(STORY), "--threshold", "150", "--no-progress"]) == 2
    assert "--threshold must be between 0 and 100" in capsys.readouterr().err
