"""`make run` works without PostgreSQL: the dev settings' SQLite takes every migration and
every demo step (PostgreSQL-only fields or SQL would break it)."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str, database: Path) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "buurtkracht.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_migrate_and_seed_demo_run_on_a_fresh_sqlite_database(tmp_path):
    database = tmp_path / "dev.sqlite3"

    migrated = manage("migrate", "--noinput", "-v0", database=database)
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    seeded = manage("seed_demo", database=database)
    assert seeded.returncode == 0, seeded.stderr[-3000:]

    with sqlite3.connect(database) as db:
        counts = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("initiatieven_initiatief", "vrijwilligers_vacature")
        }
        skills, dates = db.execute(
            "SELECT skills, dates FROM vrijwilligers_vacature WHERE dates != '[]' LIMIT 1"
        ).fetchone()
    assert counts["initiatieven_initiatief"] > 0
    assert counts["vrijwilligers_vacature"] > 0
    assert skills.startswith('["') and dates.startswith('["20')

    # The listing's skill filter has a SQLite branch: it must find exactly the vacatures
    # whose skills (read back as a list) hold the code, and dates come back as dates.
    check = (
        "from datetime import date; from vrijwilligers.models import Vacature;"
        "from vrijwilligers.queries import vacature_list;"
        "found = {v.pk for v in vacature_list(skill='koken')};"
        "wanted = {v.pk for v in vacature_list() if 'koken' in v.skills};"
        "dated = Vacature.objects.exclude(dates=[]).first();"
        "print(len(found), found == wanted, type(dated.dates[0]) is date)"
    )
    shell = manage("shell", "--no-imports", "-c", check, database=database)
    assert shell.returncode == 0, shell.stderr[-3000:]
    count, same, is_date = shell.stdout.split()[-3:]
    assert int(count) > 0 and same == "True" and is_date == "True"
