"""Build Documents directly (no extraction) for comparison and audit tests.

Cross-article tests should not depend on the extraction grammar: these documents hold exactly
the attributions a test names, with valid offsets into their own text.
"""

from __future__ import annotations

from pathlib import Path

from claimtrack.models import Attribution, Document, Entity, Span

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "fixtures" / "story"
SEED = ROOT / "seeds" / "000_8220418dd3d56b50.txt"


def make_doc(
    doc_id: str,
    outlet: str | None,
    claims: list[tuple[str, str | None, str | None]],
    lang: str = "en",
    kind: str = "indirect",
    state_run: bool | None = None,
) -> Document:
    """A document stating each ``(content, source name, source kind)`` as 'SOURCE said CONTENT.'"""
    text = ""
    attributions = []
    for number, (content, source, source_kind) in enumerate(claims, start=1):
        speaker = source or "Someone"
        cue_word = "قال" if lang == "ar" else "said"
        sentence_start = len(text)
        text += f"{speaker} "
        cue_start = len(text)
        text += cue_word + " "
        content_start = len(text)
        text += content + ".\n"
        entity = None
        if source is not None:
            entity = Entity(
                id=f"{source_kind}:{source}", name=source, kind=source_kind or "person", state_run=state_run
            )
        attributions.append(
            Attribution(
                id=f"{doc_id}:a{number}",
                kind=kind,
                cue=Span.of(text, cue_start, cue_start + len(cue_word)),
                content=Span.of(text, content_start, content_start + len(content)),
                speaker=Span.of(text, sentence_start, sentence_start + len(speaker)),
                entity=entity,
                confidence=0.9,
                rule="test",
            )
        )
    entities = {a.entity.id: a.entity for a in attributions if a.entity is not None}
    return Document(
        id=doc_id, outlet=outlet, lang=lang, text=text, attributions=attributions, entities=list(entities.values())
    )


def story_documents(include_english: bool = True) -> list[Document]:
    """The three-outlet story: the seed article, an Arabic and an English article of our own."""
    import claimtrack

    docs = [claimtrack.extract(SEED.read_text(encoding="utf-8"), outlet="seed_outlet", doc_id="seed")]
    docs.append(
        claimtrack.extract(
            (STORY / "arab_daily" / "kim-vladivostok.txt").read_text(encoding="utf-8"),
            outlet="arab_daily",
            doc_id="arab_daily/kim-vladivostok",
        )
    )
    if include_english:
        docs.append(
            claimtrack.extract(
                (STORY / "world_wire" / "kim-vladivostok.txt").read_text(encoding="utf-8"),
                outlet="world_wire",
                doc_id="world_wire/kim-vladivostok",
            )
        )
    return docs
