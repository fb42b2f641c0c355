import functools

import pytest

from buurtkracht.accounts import roles
from tests.factories import UserFactory


@pytest.fixture
def moderator(db):
    return UserFactory(groups=[roles.MODERATOR])


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """``with commit(): ...`` runs the on-commit callbacks (queued mail) at the block's end."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)
