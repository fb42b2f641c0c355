"""Secrets come only from the environment: none is written in the settings or the code.

(tests/site/test_settings.py checks that production refuses to start without them.)
"""

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SETTINGS = REPO / "site" / "settings"
SECRET_NAME = re.compile(r"SECRET|PASSWORD|TOKEN|_KEY$|API_KEY|ACCESS_KEY")
# The one literal: only accepted with DEBUG on (base.refuse_unsafe_start refuses it).
ALLOWED = {"DEV_SECRET_KEY"}
CODE_DIRS = ["site", "initiatieven", "ruimtes", "vrijwilligers", "search"]
KEY_SHAPES = re.compile(r"\b(sk_live_|rk_live_|whsec_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16})")


def _literal_secrets(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Assign):
            continue
        value = node.value
        for target in node.targets:
            if (
                isinstance(target, ast.Name)
                and SECRET_NAME.search(target.id)
                and target.id not in ALLOWED
                and isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and value.value
            ):
                found.append(f"{path.name}: {target.id}")
    return found


def test_settings_read_every_secret_from_the_environment():
    found = [
        hit
        for path in sorted(SETTINGS.glob("*.py"))
        if path.name != "test.py"
        for hit in _literal_secrets(path)
    ]
    assert found == []


def test_no_live_key_is_written_in_the_code():
    hits = [
        f"{path.relative_to(REPO)}:{number}"
        for folder in CODE_DIRS
        for path in (REPO / folder).rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if KEY_SHAPES.search(line)
    ]
    assert hits == []
