import pytest

pytest_plugins = ["tests.teststripe.fixtures"]


@pytest.fixture(autouse=True)
def _media_and_language(settings):
    """Every test starts in Dutch."""
    settings.LANGUAGE_CODE = "nl"
