import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts logins and sign-ups in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()
