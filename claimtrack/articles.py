"""Reading articles for the command line: JSONL files and folders of ``.txt`` files.

A JSONL file holds one article per line: an object with ``id``, ``outlet`` and ``text``, and
optionally ``lang``, ``url``, ``published`` and ``title``. A folder holds ``.txt`` files (UTF-8),
one article each, in one sub-folder per outlet: ``tass/kim-arrives.txt`` is an article of outlet
``tass`` with id ``tass/kim-arrives``.

A bad line stops the read with an :class:`InputError` naming the file and line, unless
``skip_bad`` is set: then it is left out and reported in :attr:`ArticleSet.skipped`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from claimtrack.errors import InputError
from claimtrack.languages import SUPPORTED_LANGUAGES

_OPTIONAL_TEXT_FIELDS = ("url", "published", "title")
_KNOWN_FIELDS = {"id", "outlet", "text", "lang", *_OPTIONAL_TEXT_FIELDS}


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from the input, with where it came from (``file:line``)."""

    id: str
    outlet: str | None
    text: str
    origin: str
    lang: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None


@dataclass(slots=True)
class ArticleSet:
    articles: list[Article] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _article_from_json(value: object, origin: str) -> Article:
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, got {type(value).__name__}")
    missing = [name for name in ("id", "text") if name not in value]
    if missing:
        raise ValueError(f"missing field {', '.join(repr(m) for m in missing)}")
    article_id = value["id"]
    if isinstance(article_id, bool) or not isinstance(article_id, (str, int)) or str(article_id) == "":
        raise ValueError("'id' must be a non-empty string or an integer")
    text = value["text"]
    if not isinstance(text, str):
        raise ValueError(f"'text' must be a string, not {type(text).__name__}")
    outlet = value.get("outlet")
    if outlet is not None and not isinstance(outlet, str):
        raise ValueError(f"'outlet' must be a string or null, not {type(outlet).__name__}")
    lang = value.get("lang")
    if lang is not None and (not isinstance(lang, str) or lang.lower() not in SUPPORTED_LANGUAGES):
        raise ValueError(f"unsupported 'lang' {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    extras = {}
    for name in _OPTIONAL_TEXT_FIELDS:
        item = value.get(name)
        if item is not None and not isinstance(item, str):
            raise ValueError(f"{name!r} must be a string or null")
        extras[name] = item
    return Article(
        id=str(article_id),
        outlet=outlet or None,
        text=text,
        origin=origin,
        lang=lang.lower() if lang else None,
        **extras,
    )


def _read_jsonl(path: Path, result: ArticleSet, skip_bad: bool) -> None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    for number, line in enumerate(raw.split(b"\n"), start=1):
        origin = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            try:
                decoded = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                raise ValueError(f"not UTF-8 (bad byte at column {error.start + 1})") from None
            try:
                value = json.loads(decoded)
            except json.JSONDecodeError as error:
                raise ValueError(f"malformed JSON: {error.msg} at column {error.colno}") from None
            result.articles.append(_article_from_json(value, origin))
        except ValueError as error:
            if not skip_bad:
                raise InputError(f"{origin}: {error}") from None
            result.skipped.append(f"{origin}: {error}")


def _read_folder(path: Path, result: ArticleSet, skip_bad: bool) -> None:
    files = sorted(p for p in path.rglob("*.txt") if p.is_file())
    if not files:
        raise InputError(f"{path}: no .txt files in this folder")
    for file in files:
        relative = file.relative_to(path)
        outlet = relative.parts[-2] if len(relative.parts) > 1 else path.resolve().name
        try:
            try:
                text = file.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise ValueError(f"not UTF-8 text (bad byte at offset {error.start})") from None
            except OSError as error:
                raise ValueError(f"cannot read: {error.strerror or error}") from None
        except ValueError as error:
            if not skip_bad:
                raise InputError(f"{file}: {error}") from None
            result.skipped.append(f"{file}: {error}")
            continue
        result.articles.append(
            Article(id=relative.with_suffix("").as_posix(), outlet=outlet, text=text, origin=str(file))
        )


def read_articles(paths: list[str | Path], skip_bad: bool = False) -> ArticleSet:
    """Every article in ``paths`` (JSONL files or folders of ``.txt`` files), in input order.

    Article ids must be unique across all inputs: a repeated id is an error (or, with
    ``skip_bad``, the later article is skipped).
    """
    result = ArticleSet()
    for item in paths:
        path = Path(item)
        if path.is_dir():
            _read_folder(path, result, skip_bad)
        elif path.exists():
            _read_jsonl(path, result, skip_bad)
        else:
            raise InputError(f"{path}: no such file or folder")
    unique: list[Article] = []
    seen: dict[str, str] = {}
    for article in result.articles:
        if article.id in seen:
            message = f"{article.origin}: duplicate article id {article.id!r} (first at {seen[article.id]})"
            if not skip_bad:
                raise InputError(message)
            result.skipped.append(message)
            continue
        seen[article.id] = article.origin
        unique.append(article)
    result.articles = unique
    if not unique:
        raise InputError("no articles in the input" + (f" ({len(result.skipped)} bad ones skipped)" if result.skipped else ""))
    return result
