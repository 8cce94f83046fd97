"""``extract``: text -> Document, the whole per-article pipeline.

normalise (offset map kept) -> find candidates (language grammar) -> link speakers to
entities -> build result models with ORIGINAL offsets.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterable, Iterator

from claimtrack.detect import Candidate, finder_for
from claimtrack.languages import KnownEntity, check_language, load_language
from claimtrack.link import Linker, alias_index
from claimtrack.models import Document, Entity
from claimtrack.text import detect_language


def _document_id(text: str) -> str:
    return "doc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cycle collector while a document is built: extraction allocates hundreds of
    thousands of small objects and no cycles, and each collection rescans all of them (on a
    1 MB article collections took 40% of the time, and the share grows with the size)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def extract(
    text: str,
    lang: str | None = None,
    outlet: str | None = None,
    doc_id: str | None = None,
    entities: Iterable[KnownEntity | dict] | None = None,
) -> Document:
    """Find every attributed statement in ``text`` and link it to its speaker or source.

    ``lang`` is ``"ar"`` or ``"en"`` (detected from the script when ``None``); ``outlet`` and
    ``doc_id`` are kept on the document for cross-article work (an id is derived from the text
    when none is given). ``entities`` adds known agencies, outlets or people (with aliases in any
    script) to the shipped registry for this call.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs the article text as str, not {type(text).__name__}")
    code = check_language(lang) if lang is not None else detect_language(text)
    extra = tuple(KnownEntity.model_validate(e) for e in entities) if entities else ()
    document_id = doc_id if doc_id is not None else _document_id(text)
    if not text.strip():
        return Document(id=document_id, outlet=outlet, lang=code, text=text)

    pack = load_language(code)
    with _no_cyclic_gc():
        return _extract(text, pack, code, outlet, document_id, extra)


def _extract(text: str, pack, code: str, outlet: str | None, document_id: str, extra) -> Document:
    normalized = pack.normalize_text(text)
    candidates = finder_for(code)(pack, normalized)
    linker = Linker(pack, alias_index(extra), normalized)

    if normalized.shifts:
        original_range = normalized.original_range
    else:
        def original_range(start: int, end: int) -> tuple[int, int]:
            # nothing was deleted (always so in English): offsets are the same in both texts
            return start, max(start, end)

    resolved: list[tuple[Candidate, str | None, str | None]] = []
    for candidate in candidates:
        speaker_text = None
        if candidate.speaker:
            start, end = original_range(*candidate.speaker)
            speaker_text = text[start:end]
        if candidate.antecedent:  # what the speaker stands for is what is linked
            start, end = original_range(*candidate.antecedent)
            speaker_text = text[start:end]
        linker.position = candidate.cue[0]
        entity_id = linker.resolve(speaker_text, candidate.speaker_hint, candidate.speaker_prefix)
        relay_id = None
        if candidate.relay:
            start, end = original_range(*candidate.relay)
            relay_id = linker.resolve(text[start:end], None, speaker=False)
        resolved.append((candidate, entity_id, relay_id))

    # Results are assembled as plain data and validated once, in pydantic's compiled core:
    # far cheaper than building thousands of small models one by one.
    entities_by_id: dict[str, dict] = {}
    attributions = []

    def span(range_):
        start, end = original_range(*range_)
        return {"start": start, "end": end, "text": text[start:end]}

    def entity(entity_id):
        if entity_id is None:
            return None
        if entity_id not in entities_by_id:
            # validated once here; attributions then share the model instead of re-validating it
            entities_by_id[entity_id] = Entity.model_validate(linker.entity(entity_id))
        return entities_by_id[entity_id]

    for number, (candidate, entity_id, relay_id) in enumerate(resolved, start=1):
        linked = entity(entity_id)
        confidence = candidate.confidence if linked is not None else candidate.confidence * 0.8
        attributions.append(
            {
                "id": f"{document_id}:a{number}",
                "kind": candidate.kind,
                "cue": span(candidate.cue),
                "content": span(candidate.content),
                "quotes": [span(q) for q in candidate.quotes],
                "speaker": span(candidate.speaker) if candidate.speaker else None,
                "entity": linked,
                "relay": span(candidate.relay) if candidate.relay else None,
                "relay_entity": entity(relay_id),
                "confidence": round(min(1.0, max(0.0, confidence)), 3),
                "rule": candidate.rule,
            }
        )
    return Document.model_validate(
        {
            "id": document_id,
            "outlet": outlet,
            "lang": code,
            "text": text,
            "attributions": attributions,
            "entities": list(entities_by_id.values()),
        }
    )
