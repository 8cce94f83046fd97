"""Sourcing figures per article and per outlet, each traceable to the attributions behind it.

For every article and every outlet: attributions by entity kind, the share credited to anonymous
sources, the share from state-run agencies (from the registry), the share of direct quotes,
distinct speakers, the top sources and the articles that rest on a single source. Every figure
names the attributions it counts (document id, attribution id and character offsets) in
``SourcingRow.evidence``, so a reader can go from a percentage to the words.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from claimtrack.errors import InputError
from claimtrack.models import (
    ENTITY_KINDS,
    Attribution,
    Document,
    EvidenceRef,
    SourceCount,
    SourcingReport,
    SourcingRow,
)

#: The kind counted for an attribution whose speaker was not linked to any entity.
UNLINKED = "unlinked"
TOP_SOURCES = 5


def _evidence(doc_id: str, attribution: Attribution) -> EvidenceRef:
    spans = [attribution.cue, attribution.content]
    if attribution.speaker is not None:
        spans.append(attribution.speaker)
    return EvidenceRef(
        doc_id=doc_id,
        attribution_id=attribution.id,
        start=min(span.start for span in spans),
        end=max(span.end for span in spans),
    )


def source_key(attribution: Attribution) -> tuple[str, str | None] | None:
    """Who an attribution credits, as ``(name, kind)``: the entity, else the speaker as written."""
    entity = attribution.entity
    if entity is not None:
        return entity.name, entity.kind
    if attribution.speaker is not None:
        return attribution.speaker.text, None
    return None


def _is_state_run(attribution: Attribution) -> bool:
    return any(entity is not None and entity.state_run for entity in (attribution.entity, attribution.relay_entity))


def _row(
    pairs: Sequence[tuple[str, Attribution]],
    articles: Sequence[Document],
    outlet: str | None,
    doc_id: str | None,
) -> SourcingRow:
    by_kind: dict[str, int] = {kind: 0 for kind in (*ENTITY_KINDS, UNLINKED)}
    evidence: dict[str, list[EvidenceRef]] = defaultdict(list)
    sources: Counter[tuple[str, str | None]] = Counter()
    source_ids: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for owner, attribution in pairs:
        ref = _evidence(owner, attribution)
        kind = attribution.entity.kind if attribution.entity is not None else UNLINKED
        by_kind[kind] += 1
        evidence[f"kind:{kind}"].append(ref)
        if kind == "anonymous":
            evidence["anonymous"].append(ref)
        if _is_state_run(attribution):
            evidence["state_run"].append(ref)
        if attribution.kind == "direct":
            evidence["direct"].append(ref)
        key = source_key(attribution)
        if key is not None:
            sources[key] += 1
            source_ids[key].append(attribution.id)
    total = len(pairs)

    def share(name: str) -> float:
        return round(len(evidence.get(name, ())) / total, 4) if total else 0.0

    single_source = []
    per_doc: dict[str, set] = defaultdict(set)
    for owner, attribution in pairs:
        per_doc[owner].add(source_key(attribution))
    for document in articles:
        keys = per_doc.get(document.id)
        if keys and len(keys) == 1 and None not in keys:
            single_source.append(document.id)
    top = sorted(sources.items(), key=lambda item: (-item[1], item[0][0], item[0][1] or ""))[:TOP_SOURCES]
    return SourcingRow(
        outlet=outlet,
        doc_id=doc_id,
        articles=len(articles),
        attributions=total,
        by_kind=by_kind,
        share_anonymous=share("anonymous"),
        share_state_run=share("state_run"),
        share_direct=share("direct"),
        distinct_speakers=len(sources),
        top_sources=[
            SourceCount(name=name, kind=kind, count=count, attribution_ids=source_ids[(name, kind)])
            for (name, kind), count in top
        ],
        single_source_articles=single_source,
        evidence=dict(sorted(evidence.items())),
    )


def unique_documents(docs: Iterable[Document], caller: str) -> list[Document]:
    """``docs`` as a list, checked: every item a Document, no two with the same id."""
    documents = []
    seen: set[str] = set()
    for doc in docs:
        if not isinstance(doc, Document):
            raise TypeError(f"{caller}() takes claimtrack Documents, not {type(doc).__name__}")
        if doc.id in seen:
            raise InputError(f"two documents share the id {doc.id!r}; give each article its own id")
        seen.add(doc.id)
        documents.append(doc)
    return documents


def audit(docs: Iterable[Document]) -> SourcingReport:
    """Sourcing figures for each article, each outlet, and all of ``docs`` together.

    Rows come in a fixed order (articles by id, outlets by name, documents without an outlet
    last), so the report does not depend on the order of ``docs``.
    """
    documents = unique_documents(docs, "audit")
    documents.sort(key=lambda d: d.id)

    article_rows = [
        _row([(doc.id, a) for a in doc.attributions], [doc], doc.outlet, doc.id) for doc in documents
    ]
    by_outlet: dict[str | None, list[Document]] = defaultdict(list)
    for doc in documents:
        by_outlet[doc.outlet].append(doc)
    outlet_rows = [
        _row([(doc.id, a) for doc in group for a in doc.attributions], group, outlet, None)
        for outlet, group in sorted(by_outlet.items(), key=lambda item: (item[0] is None, item[0] or ""))
    ]
    total = _row([(doc.id, a) for doc in documents for a in doc.attributions], documents, None, None)
    return SourcingReport(outlets=outlet_rows, articles=article_rows, total=total)
