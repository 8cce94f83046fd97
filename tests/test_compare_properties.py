"""Invariants of compare and audit, over generated collections of articles.

- compare does not depend on the order of its input (same clusters, same members);
- every attribution lands in exactly one cluster, and no cluster holds two of one article;
- audit counts add up to the attributions, per article, per outlet and in total.
"""

from __future__ import annotations

from claim_docs import make_doc
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack.models import ENTITY_KINDS

# Claim wordings that share words in part, so that clusters of several sizes form.
CLAIMS_EN = [
    "Kim Jong Un arrived in Vladivostok on Saturday",
    "Kim arrived in Vladivostok on Saturday by train",
    "North Korean leader Kim reached Vladivostok",
    "Putin said Kim would attend a naval parade",
    "Kim will attend a display of the Pacific Fleet, Putin said",
    "No agreements were signed between the two countries",
    "Agreements were signed between the two countries",
    "Moscow wants to buy 5000 artillery shells from Pyongyang",
    "Moscow wants to buy 7000 artillery shells from Pyongyang",
    "Oil prices fell on Monday",
    "",
]
CLAIMS_AR = [
    "وصل الزعيم الكوري الشمالي كيم جونغ أون إلى فلاديفوستوك",
    "وَصَلَ كيم جونغ اون الى مدينة فلاديفوستوك",
    "لم يتم التوقيع على أي اتفاق بين البلدين",
    "تم التوقيع على اتفاق بين البلدين",
    "موسكو ترغب في شراء أسلحة من بيونغ يانغ",
]
SOURCES = [(None, None), ("TASS", "news_agency"), ("Dmitry Peskov", "person"), ("officials", "anonymous")]

claim = st.tuples(st.sampled_from(CLAIMS_EN), st.sampled_from(SOURCES))
claim_ar = st.tuples(st.sampled_from(CLAIMS_AR), st.sampled_from(SOURCES))


@st.composite
def collections(draw):
    count = draw(st.integers(min_value=0, max_value=6))
    docs = []
    for number in range(count):
        arabic = draw(st.booleans())
        items = draw(st.lists(claim_ar if arabic else claim, min_size=0, max_size=5))
        outlet = draw(st.sampled_from(["A", "B", "C", None]))
        docs.append(
            make_doc(
                f"doc{number}",
                outlet,
                [(text, name, kind) for text, (name, kind) in items],
                lang="ar" if arabic else "en",
                kind=draw(st.sampled_from(["direct", "indirect", "according_to"])),
            )
        )
    return docs


def _membership(clusters):
    return sorted((c.id, tuple(sorted(m.attribution.id for m in c.members))) for c in clusters)


@settings(max_examples=60, deadline=None)
@given(collections(), st.randoms(use_true_random=False))
def test_compare_is_independent_of_input_order(docs, random):
    shuffled = list(docs)
    random.shuffle(shuffled)
    first, second = claimtrack.compare(docs), claimtrack.compare(shuffled)
    assert _membership(first) == _membership(second)
    assert [c.model_dump() for c in first] == [c.model_dump() for c in second]


@settings(max_examples=60, deadline=None)
@given(collections())
def test_every_attribution_in_exactly_one_cluster(docs):
    clusters = claimtrack.compare(docs)
    placed = [m.attribution.id for c in clusters for m in c.members]
    expected = [a.id for d in docs for a in d.attributions]
    assert sorted(placed) == sorted(expected)
    for cluster in clusters:
        assert len({m.doc_id for m in cluster.members}) == len(cluster.members)
        assert sum(m.representative for m in cluster.members) == 1
        assert all(0 <= m.score <= 100 for m in cluster.members)
        assert cluster.outlets == sorted({m.outlet for m in cluster.members if m.outlet})


@settings(max_examples=60, deadline=None)
@given(collections())
def test_audit_counts_add_up(docs):
    report = claimtrack.audit(docs)
    total = sum(len(d.attributions) for d in docs)
    assert report.total.attributions == total
    assert sum(r.attributions for r in report.outlets) == total
    assert sum(r.attributions for r in report.articles) == total
    assert sum(r.articles for r in report.outlets) == len(docs)
    for row in [*report.outlets, *report.articles, report.total]:
        assert sum(row.by_kind.values()) == row.attributions
        assert set(ENTITY_KINDS) <= set(row.by_kind)
        for share in (row.share_anonymous, row.share_state_run, row.share_direct):
            assert 0.0 <= share <= 1.0
    assert claimtrack.audit(list(reversed(docs))) == report


texts = st.one_of(st.text(max_size=80), st.sampled_from(CLAIMS_EN + CLAIMS_AR))


@settings(max_examples=200, deadline=None)
@given(texts, texts, st.sampled_from(["ar", "en", None]))
def test_match_is_symmetric_and_never_raises(a, b, lang):
    forward, backward = claimtrack.match(a, b, lang=lang), claimtrack.match(b, a, lang=lang)
    assert forward.score == backward.score
    assert forward.same == backward.same and forward.conflict == backward.conflict
    assert 0 <= forward.score <= 100
    assert claimtrack.match(a, a, lang=lang).conflict is None
