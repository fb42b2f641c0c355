import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The kaart caches its counts; every test starts without them."""
    cache.clear()
    yield
    cache.clear()
