import functools

import pytest

from buurtkracht.accounts import roles
from tests.factories import UserFactory, totp_enable


@pytest.fixture
def moderator(db):
    user = UserFactory(groups=[roles.MODERATOR])
    totp_enable(user)  # staff must use two-step login before the admin opens
    return user


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """``with commit(): ...`` runs the on-commit callbacks (queued mail) at the block's end."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)
