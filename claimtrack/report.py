"""The HTML report: one self-contained file (inline CSS and SVG, no script, no network).

It shows a coverage heat-map (outlet x claim), per-outlet sourcing bars, and for each claim the
sentence from each outlet with cue, speaker and content highlighted. Article text is untrusted:
every piece of it goes through :func:`html.escape`, and a Content-Security-Policy that allows no
script and no network keeps the page inert even if something slipped through. Arabic sentences
carry ``lang="ar" dir="rtl"``; every other text run ``dir="auto"``, so right-to-left text
renders correctly next to left-to-right text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from claimtrack.audit import UNLINKED
from claimtrack.compare import UNKNOWN_OUTLET, coverage
from claimtrack.models import ENTITY_KINDS, Attribution, ClaimCluster, Document, SourcingReport

#: Colours of the entity kinds in the sourcing bars (and their legend).
KIND_COLOURS = {
    "person": "#4e79a7",
    "news_agency": "#f28e2b",
    "outlet": "#edc948",
    "government": "#e15759",
    "organization": "#76b7b2",
    "group": "#59a14f",
    "anonymous": "#9c755f",
    UNLINKED: "#bab0ac",
}
#: At most this many claims are drawn in the heat-map and listed (largest first).
MAX_CLAIMS = 80
_CONTEXT = 160

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Naskh Arabic",Arial,sans-serif;
margin:24px auto;max-width:1100px;color:#222;line-height:1.5;padding:0 12px}
h1{font-size:1.6em;margin-bottom:4px}h2{margin-top:32px;border-bottom:2px solid #ddd;padding-bottom:4px}
.counts{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.count{background:#f4f6f8;border-radius:8px;padding:8px 14px;text-align:center}
.count b{display:block;font-size:1.6em}
table{border-collapse:collapse;margin:8px 0;font-size:.92em}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:start;vertical-align:top}
th{background:#f4f6f8}
.claim{border:1px solid #ddd;border-radius:8px;padding:10px 14px;margin:14px 0}
.claim h3{margin:0 0 6px;font-size:1.05em}
.badge{display:inline-block;border-radius:10px;padding:0 8px;margin:0 4px 0 0;font-size:.8em;background:#eee}
.badge.conflict{background:#fde2e1;color:#a11}.badge.source{background:#e3ecfa}.badge.form{background:#fff3d6}
.mention{margin:8px 0;padding:6px 10px;background:#fafafa;border-inline-start:4px solid #ccc}
.mention.conflicting{border-inline-start-color:#e15759}
.meta{font-size:.85em;color:#555}
.sentence{margin:4px 0}
mark.cue{background:#ffe08a}mark.speaker{background:#bfe3ff}mark.content{background:#d9f2d0}
.legend span{display:inline-block;margin-inline-end:12px;font-size:.85em}
.legend i{display:inline-block;width:12px;height:12px;margin-inline-end:4px;vertical-align:middle}
svg text{font-family:inherit}
"""


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _lang_attributes(lang: str | None) -> str:
    return ' lang="ar" dir="rtl"' if lang == "ar" else ' dir="auto"'


def _sentence_window(text: str, attribution: Attribution) -> tuple[int, int]:
    spans = [attribution.cue, attribution.content, *([attribution.speaker] if attribution.speaker else [])]
    if attribution.sentence is not None:
        spans.append(attribution.sentence)
    start = min(span.start for span in spans)
    end = max(span.end for span in spans)
    # Widen to the paragraph, within a bounded context.
    newline_after = text.find("\n", end)
    paragraph_end = len(text) if newline_after == -1 else newline_after
    start = max(text.rfind("\n", 0, start) + 1, start - _CONTEXT, 0)
    end = min(paragraph_end, end + _CONTEXT)
    return start, end


def highlighted_sentence(text: str, attribution: Attribution) -> str:
    """The attribution's sentence as HTML, cue, speaker and content marked, everything escaped."""
    start, end = _sentence_window(text, attribution)
    labels = [""] * (end - start)
    layers = [("content", attribution.content), ("speaker", attribution.speaker), ("cue", attribution.cue)]
    for label, span in layers:
        if span is None:
            continue
        for index in range(max(start, span.start), min(end, span.end)):
            labels[index - start] = label
    pieces = []
    if start > 0 and text[start - 1] != "\n":
        pieces.append("… ")
    run_start = 0
    for index in range(1, len(labels) + 1):
        if index == len(labels) or labels[index] != labels[run_start]:
            chunk = _text(text[start + run_start : start + index])
            label = labels[run_start]
            pieces.append(f'<mark class="{label}">{chunk}</mark>' if label else chunk)
            run_start = index
    if end < len(text) and text[end] != "\n":
        pieces.append(" …")
    return "".join(pieces)


def _counts(docs: Sequence[Document], clusters: Sequence[ClaimCluster]) -> str:
    outlets = {doc.outlet or UNKNOWN_OUTLET for doc in docs}
    figures = [
        ("articles", "articles", len(docs)),
        ("outlets", "outlets", len(outlets)),
        ("attributions", "attributions", sum(len(doc.attributions) for doc in docs)),
        ("claims", "claims", len(clusters)),
        ("shared", "claims carried by 2+ outlets", sum(1 for c in clusters if len(c.outlets) > 1)),
        ("conflicts", "claims with conflicting versions", sum(1 for c in clusters if c.conflicts)),
    ]
    cells = "".join(
        f'<div class="count"><b id="count-{key}" data-count="{value}">{value}</b>{_text(label)}</div>'
        for key, label, value in figures
    )
    return f'<div class="counts">{cells}</div>'


def _heatmap(clusters: Sequence[ClaimCluster]) -> str:
    shown = list(clusters[:MAX_CLAIMS])
    table = coverage(shown)
    if not table.outlets or not shown:
        return "<p>No claims.</p>"
    cell, label_width, top = 16, 160, 40
    width = label_width + cell * len(shown) + 10
    height = top + cell * len(table.outlets) + 10
    biggest = max((value for row in table.matrix for value in row), default=1) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="heatmap" width="{width}" height="{height}" '
        f'role="img" aria-label="coverage heat-map: outlets by claims">'
    ]
    for column in range(len(shown)):
        x = label_width + column * cell + cell / 2
        parts.append(
            f'<text x="{x}" y="{top - 6}" font-size="9" text-anchor="middle" '
            f'transform="rotate(-60 {x} {top - 6})">C{column + 1}</text>'
        )
    for row, outlet in enumerate(table.outlets):
        y = top + row * cell
        parts.append(
            f'<text x="{label_width - 6}" y="{y + cell - 4}" font-size="11" text-anchor="end">'
            f"{_text(outlet[:28])}</text>"
        )
        for column, cluster in enumerate(shown):
            value = table.matrix[row][column]
            opacity = 0.15 + 0.85 * value / biggest if value else 1
            fill = "#2b6cb0" if value else "#f1f1f1"
            parts.append(
                f'<rect class="cell" data-outlet="{_text(outlet)}" data-claim="{_text(cluster.id)}" '
                f'data-value="{value}" x="{label_width + column * cell}" y="{y}" width="{cell - 1}" '
                f'height="{cell - 1}" fill="{fill}" fill-opacity="{opacity:.2f}">'
                f"<title>{_text(outlet)} · C{column + 1}: {value} · {_text(cluster.text[:120])}</title></rect>"
            )
    parts.append("</svg>")
    note = ""
    if len(clusters) > len(shown):
        note = f"<p class=\"meta\">The {len(shown)} largest of {len(clusters)} claims are drawn.</p>"
    return "".join(parts) + note


def _sourcing(report: SourcingReport) -> str:
    rows = report.outlets
    if not rows:
        return "<p>No articles.</p>"
    kinds = [*ENTITY_KINDS, UNLINKED]
    bar_width, label_width, row_height = 560, 160, 22
    height = row_height * len(rows) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="sourcing" width="{label_width + bar_width + 60}" '
        f'height="{height}" role="img" aria-label="attributions by source kind, per outlet">'
    ]
    for index, row in enumerate(rows):
        y = index * row_height + 4
        name = row.outlet or UNKNOWN_OUTLET
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 14}" font-size="11" text-anchor="end">{_text(name[:28])}</text>'
        )
        x = float(label_width)
        for kind in kinds:
            count = row.by_kind.get(kind, 0)
            if not count or not row.attributions:
                continue
            width = bar_width * count / row.attributions
            parts.append(
                f'<rect class="bar" data-outlet="{_text(name)}" data-kind="{kind}" data-value="{count}" '
                f'x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row_height - 6}" fill="{KIND_COLOURS[kind]}">'
                f"<title>{_text(name)}: {count} {kind}</title></rect>"
            )
            x += width
        parts.append(f'<text x="{label_width + bar_width + 6}" y="{y + 14}" font-size="11">{row.attributions}</text>')
    parts.append("</svg>")
    legend = "".join(
        f'<span><i style="background:{KIND_COLOURS[kind]}"></i>{kind.replace("_", " ")}</span>' for kind in kinds
    )
    header = (
        "<tr><th>outlet</th><th>articles</th><th>attributions</th><th>anonymous</th><th>state-run</th>"
        "<th>direct quotes</th><th>distinct speakers</th><th>single-source articles</th><th>top sources</th></tr>"
    )
    body = []
    for row in rows:
        top = ", ".join(f"{_text(s.name)} ({s.count})" for s in row.top_sources)
        body.append(
            f'<tr class="outlet-row" data-outlet="{_text(row.outlet or UNKNOWN_OUTLET)}" '
            f'data-attributions="{row.attributions}"><td dir="auto">{_text(row.outlet or UNKNOWN_OUTLET)}</td>'
            f"<td>{row.articles}</td><td>{row.attributions}</td><td>{row.share_anonymous:.0%}</td>"
            f"<td>{row.share_state_run:.0%}</td><td>{row.share_direct:.0%}</td><td>{row.distinct_speakers}</td>"
            f'<td>{len(row.single_source_articles)}</td><td dir="auto">{top}</td></tr>'
        )
    return (
        "".join(parts)
        + f'<div class="legend">{legend}</div><table id="sourcing-table">{header}{"".join(body)}</table>'
    )


def _claims(docs: Sequence[Document], clusters: Sequence[ClaimCluster]) -> str:
    texts = {doc.id: doc.text for doc in docs}
    sections = []
    for number, cluster in enumerate(clusters[:MAX_CLAIMS], start=1):
        badges = [f'<span class="badge">{len(cluster.outlets)} outlet(s)</span>']
        if "source" in cluster.divergence:
            badges.append('<span class="badge source">sources differ</span>')
        if "form" in cluster.divergence:
            badges.append('<span class="badge form">quote vs paraphrase</span>')
        for conflict in cluster.conflicts:
            badges.append(f'<span class="badge conflict">conflict: {_text(conflict)}</span>')
        mentions = []
        for member in cluster.members:
            attribution = member.attribution
            text = texts.get(member.doc_id, "")
            source = member.source or "nobody named"
            kind = f" ({_text(member.source_kind)})" if member.source_kind else ""
            conflict = f' · <b>conflict: {_text(member.conflict)}</b>' if member.conflict else ""
            css = "mention conflicting" if member.conflict else "mention"
            mentions.append(
                f'<div class="{css}" data-attribution="{_text(attribution.id)}">'
                f'<div class="meta"><b dir="auto">{_text(member.outlet or UNKNOWN_OUTLET)}</b> · '
                f'<span dir="auto">{_text(member.doc_id)}</span> · credited to <span dir="auto">{_text(source)}</span>{kind}'
                f" · {member.form.replace('_', ' ')} · score {member.score:.0f}"
                f" · [{attribution.content.start}:{attribution.content.end}]{conflict}</div>"
                f'<p class="sentence"{_lang_attributes(cluster.lang)}>{highlighted_sentence(text, attribution)}</p></div>'
            )
        sections.append(
            f'<section class="claim" id="{_text(cluster.id)}" data-members="{len(cluster.members)}">'
            f'<h3>C{number} <span{_lang_attributes(cluster.lang)}>{_text(cluster.text[:300])}</span></h3>'
            f"<div>{''.join(badges)}</div>{''.join(mentions)}</section>"
        )
    return "".join(sections) or "<p>No claims.</p>"


def render_report(
    docs: Sequence[Document],
    clusters: Sequence[ClaimCluster],
    report: SourcingReport,
    title: str = "claimtrack report",
) -> str:
    """The whole report as one HTML document (a string)."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{_text(title)}</title>"
        f"<style>{_CSS}</style></head><body>"
        f"<h1 dir=\"auto\">{_text(title)}</h1>"
        '<p class="meta">Cue <mark class="cue">highlighted</mark>, speaker <mark class="speaker">highlighted</mark>, '
        'content <mark class="content">highlighted</mark>. Offsets are character positions in each article.</p>'
        f"{_counts(docs, clusters)}"
        f"<h2>Coverage: which outlet carried which claim</h2>{_heatmap(clusters)}"
        f"<h2>Sourcing per outlet</h2>{_sourcing(report)}"
        f"<h2>Claims</h2>{_claims(docs, clusters)}"
        "</body></html>\n"
    )
