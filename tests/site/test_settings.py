"""The settings refuse unsafe production starts and pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.core.management import call_command

REPO = Path(__file__).resolve().parents[2]
GOOD_KEY = secrets.token_urlsafe(60)


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "VIRTUAL_ENV"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**keep, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production(**overrides: str) -> dict[str, str]:
    env = {
        "DJANGO_SETTINGS_MODULE": "buurtkracht.settings.production",
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "buurtkracht.example",
        "DATABASE_URL": "postgres://buurtkracht@db.example/buurtkracht",
        "SITE_URL": "https://buurtkracht.example",
    }
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": "too-short"}, "SECRET_KEY"),
        (
            {"SECRET_KEY": "dev-only-insecure-buurtkracht-key-do-not-use-in-production"},
            "SECRET_KEY",
        ),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
        ({"DATABASE_URL": None}, "DATABASE_URL"),
        ({"DEBUG": "1"}, "DEBUG"),
    ],
)
def test_production_refuses_to_start_unsafely(overrides, message):
    result = run_manage("check", **production(**overrides))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_debug_off_without_secrets_refuses_even_with_dev_settings():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="buurtkracht.settings.dev", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production())
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_no_environment_runs_on_sqlite_with_debug_and_console_mail():
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.EMAIL_BACKEND, s.CACHES['default']['BACKEND'])"
    )
    result = run_manage("shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    debug, engine, mail, cache = result.stdout.split()
    assert debug == "True"
    assert engine == "django.db.backends.sqlite3"
    assert mail == "django.core.mail.backends.console.EmailBackend"
    assert cache == "django.core.cache.backends.locmem.LocMemCache"


def test_services_are_switched_on_by_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.CACHES['default']['BACKEND'], s.STORAGES['default']['BACKEND'], s.EMAIL_HOST, s.EMAIL_PORT)"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        REDIS_URL="redis://127.0.0.1:6379/1",
        MEDIA_S3_BUCKET="buurtkracht-media",
        EMAIL_URL="smtp://mailer:geheim@smtp.example:2525",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "storages.backends.s3.S3Storage",
        "smtp.example",
        "2525",
    ]


@pytest.mark.django_db
def test_migrations_are_complete():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_every_package_is_listed_in_pyproject():
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = set()
    roots = {
        "site": "buurtkracht",
        "initiatieven": "initiatieven",
        "vrijwilligers": "vrijwilligers",
    }
    roots |= {"ruimtes": "ruimtes", "search": "search"}
    for folder, name in roots.items():
        for init in (REPO / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(REPO / folder)
            found.add(".".join([name, *relative.parts]))
    assert found == listed
