"""The published JSON schema of claimtrack's result models."""

from __future__ import annotations

from pydantic.json_schema import models_json_schema

from claimtrack import models

PUBLISHED = (
    models.Span,
    models.Entity,
    models.Attribution,
    models.Document,
    models.ClaimMatch,
    models.ClaimMention,
    models.ClaimCluster,
    models.SourcingRow,
    models.SourcingReport,
)


def json_schema() -> dict:
    """One JSON schema document with a definition for every result model."""
    _, schema = models_json_schema(
        [(model, "serialization") for model in PUBLISHED], title="claimtrack result models"
    )
    return schema
