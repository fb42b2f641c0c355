import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from wagtail.models import Site

from tests.factories import UserFactory


@pytest.fixture
def editor(db):
    """A superuser with TOTP set up, so the MFA middleware lets them into /admin/."""
    user = UserFactory(is_staff=True, is_superuser=True, display_name="Redacteur")
    TOTP.activate(user, generate_totp_secret())
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    return user


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific
