"""Open the generated report pages in headless Chromium, offline, as a reader would."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from analysis.report import page_name
from analysis.pipeline import STAGES
from tests.conftest import XSS_PAYLOADS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(os.environ.get("CROSSWIRE_TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / "test-artifacts"))
# Flags for a closed network: no background connections, no component updates.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def pages(run: Path) -> list[Path]:
    html = run / "html"
    return [html / "index.html"] + [html / page_name(s, code=c) for s in STAGES for c in (False, True)]


def open_page(browser, path: Path):
    context = browser.new_context(offline=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(path.as_uri(), wait_until="load")
    return context, page, errors, failed


def test_every_page_loads_offline_without_errors_and_all_images_render(browser, notebook_run):
    for path in pages(notebook_run):
        context, page, errors, failed = open_page(browser, path)
        try:
            assert errors == [], f"{path.name}: console errors {errors}"
            assert failed == [], f"{path.name}: failed requests {failed}"
            broken = page.evaluate("Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)"
                                   ".map(i => i.alt || i.src.slice(0, 60))")
            assert broken == [], f"{path.name}: images not loaded {broken}"
            assert page.evaluate("document.images.length") > 0 or path.name.startswith("01-")
        finally:
            context.close()


def test_every_internal_link_resolves(browser, notebook_run):
    for path in pages(notebook_run):
        context, page, _, _ = open_page(browser, path)
        try:
            hrefs = page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
            for href in hrefs:
                url = urlparse(href)
                if url.scheme != "file":
                    continue
                target = Path(unquote(url.path))
                assert target.is_file(), f"{path.name}: broken link {href}"
                if url.fragment and target == path:
                    # Browsers match a fragment against ids both as written and percent-decoded.
                    found = page.evaluate("ids => ids.some(id => !!document.getElementById(id))",
                                          [url.fragment, unquote(url.fragment)])
                    assert found, f"{path.name}: missing anchor #{url.fragment}"
        finally:
            context.close()


def test_corpus_text_is_shown_as_text_and_never_executes(browser, notebook_run):
    shown_somewhere = False
    for path in pages(notebook_run):
        context, page, _, _ = open_page(browser, path)
        try:
            assert page.evaluate("window.__xss") is None, f"{path.name}: injected script ran"
            links = page.evaluate("Array.from(document.querySelectorAll('a[href^=\"javascript:\"]')).length")
            assert links == 0, f"{path.name}: a javascript: link from the corpus became a live link"
            text = page.inner_text("body")
            shown_somewhere |= XSS_PAYLOADS[0] in text or "window.__xss = 1" in text
        finally:
            context.close()
    assert shown_somewhere, "the payload text should appear, as text, in at least one page"


def test_screenshot_of_the_index_for_the_test_log(browser, notebook_run):
    context, page, _, _ = open_page(browser, notebook_run / "html" / "index.html")
    try:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / "index.png"
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        print(f"screenshot: {shot}")
    finally:
        context.close()


def test_timeline_points_link_to_the_sentence_behind_them(browser, notebook_run):
    context, page, _, _ = open_page(browser, notebook_run / "html" / page_name("timeline", code=False))
    try:
        targets = page.evaluate("Array.from(document.querySelectorAll('svg a'))"
                                ".map(a => a.getAttribute('href') || a.getAttribute('xlink:href'))")
        assert targets, "the contact timeline should link its markers to evidence rows"
        for target in targets:
            assert target.startswith("#contact-")
            assert page.evaluate("id => !!document.getElementById(id)", target[1:]), target
        page.locator("svg a").first.click()
        assert page.evaluate("location.hash") == targets[0]
        assert page.evaluate("document.getElementById(location.hash.slice(1)).tagName") == "TR"
    finally:
        context.close()
