"""The English catalogues match the code, are complete, and are what the site serves.

Each app with its own `locale/` folder keeps its own catalogue (site/locale for the
rest), so makemessages sends every string to the nearest one. `make test` compiles
the catalogues before pytest runs; run `make messages` after editing a `.po` file
when you call pytest yourself.
"""

import ast
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

REPO = Path(__file__).resolve().parents[2]
LOCALE = REPO / "site" / "locale"
CATALOGUE = Path("en") / "LC_MESSAGES" / "django.po"
PO = LOCALE / CATALOGUE
MO = PO.with_suffix(".mo")
# The same ignores as the documented command:
#   manage.py makemessages -l en --ignore=.venv --ignore=node_modules --ignore=tests --no-obsolete
IGNORE = [".venv", "node_modules", "tests"]
# makemessages reads these for the `django` domain; other files need not be copied.
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
SKIP_DIRS = {".venv", "node_modules", "tests", ".git"}


def catalogues() -> list[Path]:
    """Every English catalogue in the project: site/locale and the apps' own."""
    found = []
    for po in sorted(REPO.glob(f"**/locale/{CATALOGUE}")):
        parts = po.relative_to(REPO).parts
        if not SKIP_DIRS.intersection(parts):
            found.append(po)
    return found


CATALOGUES = catalogues()
PO_PARAMS = [
    pytest.param(po, id=str(po.relative_to(REPO).parent.parent.parent)) for po in CATALOGUES
]

UPDATE_HINT = (
    "Run `.venv/bin/python manage.py makemessages -l en --ignore=.venv "
    "--ignore=node_modules --ignore=tests --no-obsolete`, translate, then `make messages`."
)

FIELD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
TAG = re.compile(r"</?([a-zA-Z][\w-]*)")


def parse_po(path: Path) -> list[dict]:
    """The entries of a PO file: fields as plain strings, plus the set of flags."""
    entries: list[dict] = []
    entry: dict = {"flags": set()}
    field = None

    def finish() -> None:
        nonlocal entry, field
        if "msgid" in entry:
            entries.append(entry)
        entry, field = {"flags": set()}, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#~"):
            continue  # obsolete entry: gettext ignores it
        elif line.startswith("#,"):
            if "msgstr" in entry or "msgstr[0]" in entry:
                finish()
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
        elif line.startswith("#"):
            continue
        elif match := FIELD.match(line):
            name = match.group(1)
            if name in ("msgctxt", "msgid") and ("msgstr" in entry or "msgstr[0]" in entry):
                finish()
            field = name
            entry[field] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    return entries


def key(entry: dict) -> tuple[str, str, str]:
    return (entry.get("msgctxt", ""), entry["msgid"], entry.get("msgid_plural", ""))


def describe(keys) -> str:
    lines = []
    for context, msgid, plural in sorted(keys):
        text = repr(msgid) + (f" / {plural!r}" if plural else "")
        lines.append(f"  - {text}" + (f" (context {context!r})" if context else ""))
    return "\n".join(lines)


def translations(entry: dict) -> list[tuple[str, str]]:
    """(source, translation) pairs: plural forms compare with the plural msgid."""
    if "msgid_plural" not in entry:
        return [(entry["msgid"], entry.get("msgstr", ""))]
    forms = sorted(name for name in entry if name.startswith("msgstr["))
    return [
        (entry["msgid"] if name == "msgstr[0]" else entry["msgid_plural"], entry[name])
        for name in forms
    ]


@pytest.fixture(params=PO_PARAMS)
def po(request) -> Path:
    return request.param


@pytest.fixture
def committed(po) -> list[dict]:
    return parse_po(po)


def test_the_site_catalogue_exists():
    assert PO in CATALOGUES, f"{PO.relative_to(REPO)} is missing. {UPDATE_HINT}"


def copy_sources(target: Path) -> None:
    """Copy what makemessages would read, so it never writes into the real tree."""

    def skip(folder: str, names: list[str]) -> set[str]:
        skipped = set()
        for name in names:
            path = Path(folder) / name
            if path.is_dir() and not path.is_symlink():
                if name.startswith(".") or name in IGNORE or name == "__pycache__":
                    skipped.add(name)
            elif path.suffix not in SOURCE_SUFFIXES:
                skipped.add(name)
        return skipped

    shutil.copytree(REPO, target, ignore=skip, symlinks=True)


@pytest.fixture(scope="module")
def fresh_catalogues() -> dict[Path, list[dict]]:
    """What makemessages makes of the code now: entries per catalogue (path in REPO)."""
    # A throw-away copy of the sources: makemessages writes its catalogue, and temporary
    # files next to each template, into the tree it reads.
    with tempfile.TemporaryDirectory(prefix="buurtkracht-messages-") as tmp:
        sources = Path(tmp) / "src"
        copy_sources(sources)
        # As in the real run: strings go to the nearest locale folder, the rest to
        # LOCALE_PATHS[0], here the copy's own site/locale.
        locale = sources / LOCALE.relative_to(REPO)
        with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[str(locale)]):
            patch.chdir(sources)
            call_command(
                "makemessages",
                locale=["en"],
                ignore_patterns=IGNORE,
                no_obsolete=True,
                verbosity=0,
            )
        return {
            REPO / po.relative_to(sources): parse_po(po)
            for po in sources.glob(f"**/locale/{CATALOGUE}")
        }


def test_every_catalogue_is_committed(fresh_catalogues):
    missing = sorted(str(po.relative_to(REPO)) for po in set(fresh_catalogues) - set(CATALOGUES))
    assert not missing, f"makemessages writes catalogues that are not in the tree: {missing}"


def test_catalogue_matches_the_code(po, committed, fresh_catalogues):
    fresh = {key(entry) for entry in fresh_catalogues.get(po, []) if entry["msgid"]}
    known = {key(entry) for entry in committed if entry["msgid"]}
    name = po.relative_to(REPO)
    problems = []
    if new := fresh - known:
        problems.append(f"In the code but not in {name}:\n{describe(new)}")
    if gone := known - fresh:
        problems.append(f"In {name} but no longer in the code:\n{describe(gone)}")
    assert not problems, "The English catalogue is out of date.\n" + "\n".join(
        [*problems, UPDATE_HINT]
    )


def test_catalogue_is_complete(committed):
    header = [entry for entry in committed if not entry["msgid"]]
    assert header, "The catalogue has no header entry"
    assert "fuzzy" not in header[0]["flags"], "The header is still marked fuzzy"
    headers = header[0].get("msgstr", "")
    for line in (
        "Language: en",
        "Content-Type: text/plain; charset=UTF-8",
        "Plural-Forms: nplurals=2; plural=(n != 1);",
    ):
        assert line in headers.splitlines(), f"The header lacks {line!r}"

    fuzzy, empty = set(), set()
    for entry in committed:
        if not entry["msgid"]:
            continue
        if "fuzzy" in entry["flags"]:
            fuzzy.add(key(entry))
        forms = [text for _, text in translations(entry)]
        if "msgid_plural" in entry and len(forms) < 2:
            empty.add(key(entry))
        if not all(forms):
            empty.add(key(entry))
    problems = []
    if empty:
        problems.append(f"Not translated:\n{describe(empty)}")
    if fuzzy:
        problems.append(f"Marked fuzzy (check, then remove the flag):\n{describe(fuzzy)}")
    assert not problems, "\n".join(problems)


def test_translations_keep_placeholders_and_tags(committed):
    wrong = []
    for entry in committed:
        if not entry["msgid"]:
            continue
        for source, text in translations(entry):
            if not text:
                continue  # reported by test_catalogue_is_complete
            for pattern, what in ((PLACEHOLDER, "placeholders"), (TAG, "HTML tags")):
                want, got = Counter(pattern.findall(source)), Counter(pattern.findall(text))
                if want != got:
                    wrong.append(f"  - {source!r}: {what} {sorted(want)} became {sorted(got)}")
    assert not wrong, "Translations must keep placeholders and tags:\n" + "\n".join(wrong)


def test_msgfmt_accepts_the_catalogue(po):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (GNU gettext) is not installed; `make test` installs it"
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_every_catalogue_is_compiled(po):
    mo = po.with_suffix(".mo")
    assert mo.is_file(), (
        f"{mo.relative_to(REPO)} is missing: compile the catalogues with `make messages` "
        "(`make test` does this before pytest)."
    )
    assert mo.stat().st_mtime >= po.stat().st_mtime, (
        f"{mo.relative_to(REPO)} is older than {po.name}: run `make messages`."
    )


def test_the_site_serves_english():
    with translation.override("en"):
        assert translation.gettext("Naar de inhoud") == "Skip to content"
        html = Template(
            "{% load i18n %}{% blocktranslate count counter=n %}"
            "Er is {{ counter }} fout. Pas dit aan en probeer het opnieuw.{% plural %}"
            "Er zijn {{ counter }} fouten. Pas deze aan en probeer het opnieuw."
            "{% endblocktranslate %}"
        ).render(Context({"n": 2}))
    assert html == "There are 2 errors. Please fix them and try again."
    with translation.override("nl"):
        assert translation.gettext("Naar de inhoud") == "Naar de inhoud"
