"""Result models: every object claimtrack returns.

All models are frozen pydantic models, so results cannot be changed by accident and
round-trip through ``model_dump()`` / ``model_dump_json()``. Every span keeps character
offsets into the ORIGINAL text (``text[span.start:span.end] == span.text``), and every
attribution keeps the id of the rule that produced it, so any figure can be traced to words.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

AttributionKind = Literal["direct", "indirect", "mixed", "according_to"]
EntityKind = Literal[
    "person", "news_agency", "outlet", "government", "organization", "group", "anonymous"
]
ENTITY_KINDS: tuple[str, ...] = (
    "person",
    "news_agency",
    "outlet",
    "government",
    "organization",
    "group",
    "anonymous",
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A stretch of the original text: ``original[start:end] == text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, original: str, start: int, end: int) -> Span:
        """The span of ``original`` between two offsets (trusted: built without re-validation)."""
        return cls.model_construct(start=start, end=end, text=original[start:end])


class Entity(_Frozen):
    """Who a speaker or source mention resolves to within one document."""

    id: str
    name: str
    kind: EntityKind
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)
    state_run: bool | None = None
    country: str | None = None
    registry_id: str | None = Field(
        default=None, description="Id in the shipped or user registry, when the entity came from it."
    )


class Attribution(_Frozen):
    """One attributed statement: who said or claimed what, signalled by which words."""

    id: str
    kind: AttributionKind
    cue: Span
    content: Span
    quotes: list[Span] = Field(default_factory=list)
    speaker: Span | None = None
    entity: Entity | None = None
    relay: Span | None = Field(
        default=None,
        description="The outlet or person that relayed the statement ('Reuters' in 'Reuters quoted a source as saying').",
    )
    relay_entity: Entity | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str = Field(description="Id of the cue pattern or rule that produced this attribution.")
    sentence: Span | None = None


class Document(_Frozen):
    """An article with its attributions and the entities they resolve to."""

    id: str
    outlet: str | None = None
    lang: str
    text: str = Field(repr=False)
    attributions: list[Attribution] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)


class ClaimMatch(_Frozen):
    """How surely two claim texts state the same claim, and whether their versions conflict."""

    score: float = Field(ge=0.0, le=100.0, description="0-100: how surely the two texts state one claim.")
    same: bool = Field(description="The same claim at the threshold, with nothing conflicting.")
    conflict: str | None = Field(
        default=None,
        description="Why two versions of one claim disagree: 'number', 'negation' or 'opposite'.",
    )
    related: bool = Field(default=False, description="Versions of one claim (the same, or conflicting).")
    normalized_a: str = Field(default="", description="The first text as compared (normalised).")
    normalized_b: str = Field(default="", description="The second text as compared (normalised).")


class ClaimMention(_Frozen):
    """One attribution that states a clustered claim, with how its outlet carried it."""

    doc_id: str
    outlet: str | None = None
    attribution: Attribution
    score: float = Field(ge=0.0, le=100.0, description="Similarity to the cluster's representative.")
    representative: bool = False
    source: str | None = Field(default=None, description="Whom the outlet credited: the entity's name, else the speaker as written.")
    source_kind: str | None = Field(default=None, description="The entity kind of the source; None when unlinked or unattributed.")
    form: Literal["quote", "partial_quote", "paraphrase"] = "paraphrase"
    conflict: str | None = Field(default=None, description="How this version conflicts with the representative.")


class ClaimCluster(_Frozen):
    """The same claim as carried by one or more articles."""

    id: str
    text: str = Field(description="The representative wording (the member closest to all others).")
    lang: str | None = None
    members: list[ClaimMention]
    outlets: list[str] = Field(default_factory=list)
    conflicts: list[str] = Field(default_factory=list, description="Kinds of conflict among the members.")
    divergence: list[str] = Field(
        default_factory=list, description="How members differ: 'source', 'form' (quote vs paraphrase), 'conflict'."
    )


class EvidenceRef(_Frozen):
    """Where a figure comes from: one attribution, by id and offsets."""

    doc_id: str
    attribution_id: str
    start: int
    end: int


class SourceCount(_Frozen):
    """One source (entity) and the attributions credited to it."""

    name: str
    kind: str | None = None
    count: int
    attribution_ids: list[str] = Field(default_factory=list)


class SourcingRow(_Frozen):
    """Sourcing figures for one outlet or one article, with the attributions behind each."""

    outlet: str | None = None
    doc_id: str | None = None
    articles: int = 0
    attributions: int = 0
    by_kind: dict[str, int] = Field(default_factory=dict, description="Entity kind -> attributions ('unlinked' when no entity).")
    share_anonymous: float = 0.0
    share_state_run: float = 0.0
    share_direct: float = Field(default=0.0, description="Share of attributions that quote (direct or mixed).")
    distinct_speakers: int = 0
    top_sources: list[SourceCount] = Field(default_factory=list)
    single_source_articles: list[str] = Field(default_factory=list, description="Doc ids whose attributions all credit one source.")
    evidence: dict[str, list[EvidenceRef]] = Field(
        default_factory=dict,
        description="Figure name ('anonymous', 'state_run', 'direct', 'kind:person', ...) -> the attributions counted.",
    )


class SourcingReport(_Frozen):
    """Sourcing figures per outlet and per article."""

    outlets: list[SourcingRow] = Field(default_factory=list)
    articles: list[SourcingRow] = Field(default_factory=list)
    total: SourcingRow | None = Field(default=None, description="All articles together.")
