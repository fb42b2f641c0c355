"""Page weight: what a key page makes the browser download, under 200 KB.

Each page is opened in a fresh browser context (an empty cache, like a first visit) and
every response is counted with the bytes that came over the wire: headers plus the body
as sent (compressed when the server compressed it). The server serves its static files
the way production does (collected with hashed names and gzip/brotli copies, see
static_storage.py); HTML comes straight from gunicorn, uncompressed, so the numbers are
an upper bound for a production server behind a proxy that compresses pages.

The test prints a table (``pytest -s`` shows it): page, requests, KB transferred, KB
after decompression, and the largest response.
"""

from __future__ import annotations

import pytest

from .key_pages import discover, key_pages
from .server import DEMO_PASSWORD

TARGET_KB = 200
# The form pages a logged-in resident uses most, on top of every public key page.
LOGGED_IN_PAGES = ["initiatief-nieuw", "boeken", "reageren", "account"]


@pytest.fixture(scope="module")
def pages(site_server):
    return key_pages(discover(site_server))


def weigh(browser, site_server, path: str, storage_state=None) -> dict:
    context = browser.new_context(
        base_url=site_server.url,
        viewport={"width": 1280, "height": 900},
        storage_state=storage_state,
    )
    page = context.new_page()
    finished, failed = [], []
    page.on("requestfinished", lambda request: finished.append(request))
    page.on("requestfailed", lambda request: failed.append(request))
    try:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        responses = []
        for request in finished:
            sizes = request.sizes()
            response = request.response()
            responses.append(
                {
                    "url": request.url.removeprefix(site_server.url),
                    "sent": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                    "raw": len(response.body()) if response and response.status < 300 else 0,
                    "encoding": response.headers.get("content-encoding", "") if response else "",
                }
            )
    finally:
        context.close()
    assert not failed, f"{path}: requests failed: {[r.url for r in failed]}"
    return {
        "requests": len(responses),
        "sent": sum(r["sent"] for r in responses),
        "raw": sum(r["raw"] for r in responses),
        "largest": max(responses, key=lambda r: r["sent"]),
    }


def login_state(browser, site_server, tmp_path, who: str) -> str:
    context = browser.new_context(base_url=site_server.url)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill(f"{who}@demo.buurtkracht.nl")
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    path = tmp_path / f"{who}.json"
    context.storage_state(path=str(path))
    context.close()
    return str(path)


def test_key_pages_weigh_less_than_200_kb(browser, site_server, pages, tmp_path):
    bewoner = login_state(browser, site_server, tmp_path, "bewoner")
    bewoner_pages = dict(pages["bewoner"])
    measured = [(name, path, weigh(browser, site_server, path)) for name, path in pages["anon"]]
    measured += [
        (
            f"{name} (bewoner)",
            bewoner_pages[name],
            weigh(browser, site_server, bewoner_pages[name], bewoner),
        )
        for name in LOGGED_IN_PAGES
    ]

    lines = [f"{'page':28} {'requests':>8} {'KB sent':>8} {'KB raw':>8}  largest response"]
    for name, _path, weight in measured:
        largest = weight["largest"]
        lines.append(
            f"{name:28} {weight['requests']:8} {weight['sent'] / 1024:8.1f} "
            f"{weight['raw'] / 1024:8.1f}  {largest['url'][:60]} "
            f"({largest['sent'] / 1024:.1f} KB{', ' + largest['encoding'] if largest['encoding'] else ''})"
        )
    print("\n" + "\n".join(lines))

    too_heavy = [
        f"{name} ({path}): {weight['sent'] / 1024:.1f} KB"
        for name, path, weight in measured
        if weight["sent"] > TARGET_KB * 1024
    ]
    assert not too_heavy, f"pages over {TARGET_KB} KB:\n" + "\n".join(too_heavy)


def test_static_files_are_sent_compressed_with_long_caching(browser, site_server):
    context = browser.new_context(base_url=site_server.url)
    page = context.new_page()
    stylesheet = {}
    page.on(
        "response",
        lambda response: (
            stylesheet.setdefault("response", response)
            if "/static/dist/buurtkracht." in response.url
            else None
        ),
    )
    page.goto("/")
    page.wait_for_load_state("networkidle")
    response = stylesheet["response"]
    context.close()
    # Hashed name, compressed body, cached for good: as CompressedManifestStaticFilesStorage.
    assert response.url.rsplit("/", 1)[-1] != "buurtkracht.css"
    assert response.headers.get("content-encoding") in {"gzip", "br"}
    assert "immutable" in response.headers.get("cache-control", "")
