"""The Wagtail admin, like the public site, loads nothing from other hosts."""

import re

import pytest
from wagtail.models import Page

from tests.factories import UserFactory, totp_enable

# Resources the browser would fetch: scripts, images, stylesheets. Plain links are fine.
FOREIGN = re.compile(r"""(?:\bsrc|srcset)=["'](?:https?:)?//|<link[^>]+href=["'](?:https?:)?//""")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/{home}/", "/admin/pages/{home}/edit/"])
def test_admin_pages_reference_no_other_host(client, path):
    user = UserFactory(is_superuser=True, is_staff=True)
    totp_enable(user)
    client.force_login(user)
    home = Page.objects.get(depth=2)

    response = client.get(path.format(home=home.pk))

    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html
    assert FOREIGN.findall(html) == []
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_public_pages_forbid_inline_scripts(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
