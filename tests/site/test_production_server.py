"""The production settings served by gunicorn: security headers and hashed, compressed
static files through WhiteNoise."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """GET from our own server on localhost; redirects are returned, not followed."""
    request = urllib.request.Request(url, headers={"Host": "buurtkracht.example", **headers})
    try:
        response = _opener.open(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, dict(response.headers), response.read()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    static_root = tmp_path_factory.mktemp("static")
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "buurtkracht.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "buurtkracht.example",
        "SITE_URL": "https://buurtkracht.example",
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "STATIC_ROOT": str(static_root),
    }
    # The release steps of docs/deploy.md, on the cluster's own (non-test) database.
    for step in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [sys.executable, "manage.py", *step, "-v", "0"],
            cwd=REPO,
            env=env,
            check=True,
            timeout=300,
        )
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "buurtkracht.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "1", "--log-level", "warning"],
        cwd=REPO,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                _get(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.1)
        yield base, static_root
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_plain_http_is_redirected_to_https(production_server):
    base, _ = production_server
    status, headers, _ = _get(f"{base}/nieuws/")
    assert status == 301
    assert headers["Location"] == "https://buurtkracht.example/nieuws/"


def test_security_headers(production_server):
    base, _ = production_server
    status, headers, body = _get(f"{base}/healthz", **{"X-Forwarded-Proto": "https"})
    assert status == 200
    assert json.loads(body)["database"] == "ok"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_static_files_have_hashed_names_and_are_compressed(production_server):
    base, static_root = production_server
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    hashed = manifest["dist/buurtkracht.css"]
    assert hashed != "dist/buurtkracht.css"

    status, headers, _ = _get(
        f"{base}/static/{hashed}", **{"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]


@pytest.mark.parametrize("path", ["/", "/en/", "/accounts/login/", "/accounts/signup/"])
def test_pages_render_with_hashed_static_names(production_server, path):
    base, static_root = production_server
    status, _, body = _get(f"{base}{path}", **{"X-Forwarded-Proto": "https"})
    assert status == 200
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    assert f'/static/{manifest["dist/buurtkracht.css"]}"' in body.decode()
