"""A real Buurtkracht server process for the browser tests.

`SiteServer` creates a database of its own on the PostgreSQL server of `make test`
(``DATABASE_URL``), migrates it, fills it with the demo content (``seed_demo``, so the
demo accounts exist with the demo password) and serves it with gunicorn on a free
localhost port. Its static files are collected first, as production does (hashed
names, compressed copies; see static_storage.py), so a page downloads what it would
there. Mail goes to files in a temporary folder; `mails()` reads them. The
pytest-django test database is never touched, so browser tests and ORM tests do not
see each other's rows.
"""

from __future__ import annotations

import email
import email.policy
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "buurtkracht-demo"  # seed_demo's password when DEBUG is on


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Mail:
    to: list[str]
    subject: str
    body: str


class SiteServer:
    """Start with `start()`, stop with `stop()`; `url` is the site's base URL."""

    def __init__(self, *, env: dict[str, str] | None = None, workers: int = 1, threads: int = 8):
        base_url = os.environ.get("DATABASE_URL", "")
        if not base_url.startswith("postgres"):
            raise RuntimeError("The browser tests need PostgreSQL in DATABASE_URL (make test).")
        self.db_name = f"browser_{os.getpid()}_{int(time.time())}"
        parts = urlsplit(base_url)
        self.admin_url = base_url
        self.database_url = urlunsplit(parts._replace(path="/" + self.db_name))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.tmp = Path(tempfile.mkdtemp(prefix="buurtkracht-browser-"))
        self.mail_dir = self.tmp / "mail"
        self.mail_dir.mkdir()
        self.static_root = self.tmp / "static"
        self.extra_env = env or {}
        self.workers = workers
        self.threads = threads
        self.process: subprocess.Popen | None = None

    # --- environment and commands ---------------------------------------------------
    def environ(self, **overrides: str) -> dict[str, str]:
        environ = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.browser.settings",
            "DATABASE_URL": self.database_url,
            "EMAIL_URL": f"file://{self.mail_dir}",
            "SITE_URL": self.url,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SEARCH_INDEX_PREFIX": f"browser-{os.getpid()}",
            "DEBUG": "0",
            "PYTHONPATH": str(ROOT),
            "STATIC_ROOT": str(self.static_root),
            **self.extra_env,
            **overrides,
        }
        environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        return environ

    def manage(self, *args: str, **env: str) -> str:
        """Run ``manage.py ARGS`` against this server's database; returns its output."""
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            cwd=ROOT,
            env=self.environ(**env),
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}"
            )
        return result.stdout

    def shell(self, code: str) -> str:
        """Run Python in a Django shell on this server's database (for checks a page cannot show)."""
        return self.manage("shell", "--no-imports", "-c", code)

    # --- life cycle -------------------------------------------------------------------
    def start(self) -> SiteServer:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.db_name}"')
        # Collecting needs no database: it runs while the database is filled.
        collect_log = self.tmp / "collectstatic.log"
        with collect_log.open("w") as log:
            collect = subprocess.Popen(
                [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v", "0"],
                cwd=ROOT,
                env=self.environ(),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            self.manage("migrate", "--noinput", "-v", "0")
            # DEBUG only for seeding: then the demo accounts get the known demo password.
            self.manage("seed_demo", DEBUG="1")
            collect.wait(timeout=600)
        finally:
            if collect.poll() is None:
                collect.kill()
                collect.wait()
        if collect.returncode != 0:
            raise RuntimeError(f"manage.py collectstatic failed:\n{collect_log.read_text()}")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "buurtkracht.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--timeout",
                "120",
                "--access-logfile",
                str(self.tmp / "access.log"),
                "--error-logfile",
                str(self.tmp / "error.log"),
            ],
            cwd=ROOT,
            env=self.environ(),
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped:\n{self.error_log()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2):
                    return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError(f"The site did not answer on {self.url}:\n{self.error_log()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        try:
            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def error_log(self) -> str:
        path = self.tmp / "error.log"
        return path.read_text(errors="replace")[-5000:] if path.exists() else ""

    # --- mail -------------------------------------------------------------------------
    def mails(self, to: str | None = None) -> list[Mail]:
        """Every mail sent so far (oldest first), optionally only those to one address."""
        found = []
        for path in sorted(self.mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime):
            # The file backend writes messages one after another, separated by a line of dashes.
            for chunk in path.read_text(errors="replace").split("-" * 79 + "\n"):
                if not chunk.strip():
                    continue
                message = email.message_from_string(chunk, policy=email.policy.default)
                recipients = [a.strip() for a in str(message.get("To", "")).split(",")]
                if to and to not in recipients:
                    continue
                body = message.get_body(preferencelist=("plain", "html"))
                found.append(
                    Mail(
                        to=recipients,
                        subject=str(message.get("Subject", "")),
                        body=body.get_content() if body else "",
                    )
                )
        return found

    def wait_for_mail(self, to: str, *, subject_contains: str = "", timeout: float = 10) -> Mail:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for mail in reversed(self.mails(to)):
                if subject_contains in mail.subject:
                    return mail
            time.sleep(0.1)
        raise AssertionError(f"No mail to {to} with {subject_contains!r} within {timeout} s")
