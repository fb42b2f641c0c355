"""The English catalogue matches the code, is complete, and is what the site serves.

`make test` compiles the catalogues before pytest runs; run `make messages` after
editing a `.po` file when you call pytest yourself.
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
PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# The same ignores as the documented command:
#   manage.py makemessages -l en --ignore=.venv --ignore=node_modules --ignore=tests --no-obsolete
IGNORE = [".venv", "node_modules", "tests"]
# makemessages reads these for the `django` domain; other files need not be copied.
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
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


@pytest.fixture(scope="module")
def committed() -> list[dict]:
    assert PO.is_file(), f"{PO.relative_to(REPO)} is missing. {UPDATE_HINT}"
    return parse_po(PO)


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


def test_catalogue_matches_the_code(committed):
    # A throw-away copy of the sources: makemessages writes its catalogue, and temporary
    # files next to each template, into the tree it reads.
    with tempfile.TemporaryDirectory(prefix="buurtkracht-messages-") as tmp:
        sources = Path(tmp) / "src"
        copy_sources(sources)
        # As in the real run: strings from site/ go to its locale folder, the rest to
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
        fresh_po = locale / PO.relative_to(LOCALE)
        assert fresh_po.is_file(), "makemessages wrote no catalogue"
        fresh_entries = parse_po(fresh_po)

    fresh = {key(entry) for entry in fresh_entries if entry["msgid"]}
    known = {key(entry) for entry in committed if entry["msgid"]}
    problems = []
    if new := fresh - known:
        problems.append(f"In the code but not in {PO.name}:\n{describe(new)}")
    if gone := known - fresh:
        problems.append(f"In {PO.name} but no longer in the code:\n{describe(gone)}")
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


def test_msgfmt_accepts_the_catalogue():
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (GNU gettext) is not installed; `make test` installs it"
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(PO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_the_site_serves_english():
    assert MO.is_file(), (
        f"{MO.relative_to(REPO)} is missing: compile the catalogues with `make messages` "
        "(`make test` does this before pytest)."
    )
    assert MO.stat().st_mtime >= PO.stat().st_mtime, (
        f"{MO.relative_to(REPO)} is older than {PO.name}: run `make messages`."
    )
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
