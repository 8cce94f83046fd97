"""The HTML report: self-contained, escaped, and checked in a real headless browser.

The browser tests need Debian's ``chromium`` (installed by ``.ci/run``) and skip without it.
A screenshot of the story report is written in the test run (to ``$CLAIMTRACK_ARTIFACTS`` when
set, else to pytest's temporary folder).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from claim_docs import make_doc, story_documents

import claimtrack
from claimtrack.models import Attribution, Document, Entity, Span
from claimtrack.report import highlighted_sentence, render_report

CHROMIUM = "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium package")

PAYLOAD = (
    "<script>document.body.insertAdjacentHTML('beforeend','<div id=pwned-script></div>')</script>"
    "<img src=x onerror=\"document.body.insertAdjacentHTML('beforeend','<div id=pwned-img></div>')\">"
)


def _hostile_document() -> Document:
    """An article whose text, quotes, speaker and outlet hold markup that would run if unescaped."""
    speaker = f"Evil{PAYLOAD}"
    content = f"“{PAYLOAD} the dam is safe”"
    text = f"{speaker} said {content}.\n"
    speaker_start = 0
    cue_start = len(speaker) + 1
    content_start = cue_start + len("said ")
    attribution = Attribution(
        id="evil:a1",
        kind="direct",
        cue=Span.of(text, cue_start, cue_start + 4),
        content=Span.of(text, content_start, content_start + len(content)),
        quotes=[Span.of(text, content_start, content_start + len(content))],
        speaker=Span.of(text, speaker_start, len(speaker)),
        entity=Entity(id="person:evil", name=speaker, kind="person"),
        confidence=0.9,
        rule="test",
    )
    return Document(id=f"evil{PAYLOAD}", outlet=f"outlet{PAYLOAD}", lang="en", text=text, attributions=[attribution])


def _report(docs: list[Document]) -> str:
    return render_report(docs, claimtrack.compare(docs), claimtrack.audit(docs), title="story <b>report</b>")


@pytest.fixture(scope="module")
def story_html() -> tuple[list[Document], str]:
    docs = story_documents()
    return docs, _report(docs)


def test_report_is_self_contained(story_html):
    _, html = story_html
    assert html.startswith("<!DOCTYPE html>")
    # no script, no external resource: only the SVG namespace names a URL
    assert "<script" not in html.lower()
    assert re.findall(r"(?:src|href)\s*=", html) == []
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) == {"http://www.w3.org/2000/svg"}
    assert "default-src 'none'" in html
    assert "<style>" in html and "<svg" in html


def test_report_marks_arabic_right_to_left(story_html):
    _, html = story_html
    assert 'lang="ar" dir="rtl"' in html
    assert '<mark class="cue">وقالت</mark>' in html or '<mark class="cue">حسبما ذكرت</mark>' in html


def test_untrusted_text_is_escaped():
    docs = [_hostile_document(), make_doc("ok", "B", [("the dam is safe", "Engineer", "person")])]
    html = _report(docs)
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html and "onerror=&quot;" in html
    assert "story &lt;b&gt;report&lt;/b&gt;" in html


def test_highlighted_sentence_marks_cue_speaker_content():
    doc = make_doc("d", "A", [("prices rose", "TASS", "news_agency")])
    html = highlighted_sentence(doc.text, doc.attributions[0])
    assert html == '<mark class="speaker">TASS</mark> <mark class="cue">said</mark> <mark class="content">prices rose</mark>.'


# --- in the browser ---------------------------------------------------------------------------


def _chromium(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@needs_chromium
def test_report_loads_in_chromium_with_the_right_counts(story_html, tmp_path):
    docs, html = story_html
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "</html>" in dom, result.stderr[-2000:]
    clusters = claimtrack.compare(docs)
    expected = {
        "articles": 3,
        "outlets": 3,
        "attributions": sum(len(d.attributions) for d in docs),
        "claims": len(clusters),
        "shared": 4,
    }
    for key, value in expected.items():
        assert re.search(rf'id="count-{key}" data-count="{value}">{value}<', dom), key
    assert dom.count('class="claim"') == len(clusters)
    assert dom.count('<rect class="cell"') == 3 * len(clusters)
    assert len(re.findall(r'<rect class="bar"', dom)) >= 3


@needs_chromium
def test_report_screenshot(story_html, tmp_path):
    _, html = story_html
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    folder = Path(os.environ.get("CLAIMTRACK_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / "report.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,2400", page.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
    if folder != tmp_path:
        shutil.copy(page, folder / "report.html")


@needs_chromium
def test_hostile_article_renders_inert(tmp_path):
    html = _report([_hostile_document(), make_doc("ok", "B", [("the dam is safe", "Engineer", "person")])])
    page = tmp_path / "hostile.html"
    page.write_text(html, encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "</html>" in dom
    assert 'id="pwned-script"' not in dom and 'id="pwned-img"' not in dom
    assert "<img" not in dom and "<script" not in dom
    # the markup is shown as text
    assert "&lt;script&gt;" in dom
