"""Wagtail's user screens with our e-mail-only User, the Membership screens, and what
the role groups from migration 0002 may do in the admin."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry, Page

from buurtkracht.accounts.models import Membership, Role, User
from buurtkracht.accounts.privacy import anonymiser_registry
from tests.factories import PASSWORD, MembershipFactory, UserFactory, totp_enable, wijk


@pytest.fixture
def admin_client(client):
    def login(**kwargs):
        user = UserFactory(**kwargs)
        totp_enable(user)
        client.force_login(user)
        return user

    return login


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_user_create_form_renders_for_a_superuser(client, admin_client):
    admin_client(is_superuser=True, is_staff=True)
    # Wagtail 8 serves the form at users/new/; users/add/ leads there.
    response = client.get("/admin/users/add/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/admin/users/new/", 302)]
    soup = _soup(response)
    names = {field["name"] for field in soup.find_all(["input", "select"]) if field.get("name")}
    assert {"email", "display_name", "password1", "password2", "groups"} <= names
    assert "first_name" not in names
    assert "last_name" not in names


@pytest.mark.django_db
def test_beheer_creates_and_edits_a_user_in_wagtail(client, admin_client):
    admin_client(groups=["beheer"])
    moderator_group = Group.objects.get(name="moderator")
    response = client.post(
        "/admin/users/new/",
        {
            "email": "nieuwe.moderator@voorbeeld.nl",
            "display_name": "Sanne",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "groups": [moderator_group.pk],
        },
    )
    assert response.status_code == 302, _soup(response).get_text(" ", strip=True)[:1500]
    created = User.objects.get(email="nieuwe.moderator@voorbeeld.nl")
    assert created.display_name == "Sanne"
    assert created.check_password(PASSWORD)
    assert list(created.groups.values_list("name", flat=True)) == ["moderator"]

    edit_url = f"/admin/users/edit/{created.pk}/"
    assert client.get(edit_url).status_code == 200
    response = client.post(
        edit_url,
        {
            "email": "nieuwe.moderator@voorbeeld.nl",
            "display_name": "Sanne de Vries",
            "is_active": "on",
            "groups": [moderator_group.pk],
        },
    )
    assert response.status_code == 302
    created.refresh_from_db()
    assert created.display_name == "Sanne de Vries"
    assert created.check_password(PASSWORD)


@pytest.fixture
def anonymiser_calls():
    calls = []
    anonymiser_registry.register("test_admin", lambda user: calls.append(user.pk))
    yield calls
    anonymiser_registry.unregister("test_admin")


@pytest.mark.django_db
def test_deleting_a_user_in_wagtail_runs_the_anonymisers(client, admin_client, anonymiser_calls):
    beheer = admin_client(groups=["beheer"])
    leaving = UserFactory(email="vertrekt@voorbeeld.nl")
    assert client.get(f"/admin/users/delete/{leaving.pk}/").status_code == 200
    response = client.post(f"/admin/users/delete/{leaving.pk}/")
    assert response.status_code == 302
    assert not User.objects.filter(pk=leaving.pk).exists()
    assert anonymiser_calls == [leaving.pk]
    entry = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(leaving.pk))
    assert entry.user_id == beheer.pk


@pytest.mark.django_db
def test_user_index_lists_and_searches(client, admin_client):
    admin_client(is_superuser=True, is_staff=True)
    UserFactory(email="zoek.mij@voorbeeld.nl", display_name="Zoekbare Zeynep")
    response = client.get("/admin/users/", {"q": "Zeynep"})
    assert response.status_code == 200
    assert "zoek.mij@voorbeeld.nl" in response.content.decode()


@pytest.mark.django_db
def test_beheer_gives_out_a_panel_seat(client, admin_client):
    admin_client(groups=["beheer"])
    panel_member = UserFactory(email="panel@voorbeeld.nl")
    baarsjes = wijk("De Baarsjes")

    assert client.get("/admin/memberships/new/").status_code == 200
    response = client.post(
        "/admin/memberships/new/",
        {
            "user": panel_member.pk,
            "role": Role.INSPIRATIETEAM,
            "wijk": baarsjes.pk,
            "buurt": "",
            "title": "",
        },
    )
    assert response.status_code == 302, _soup(response).get_text(" ", strip=True)[:1500]
    seat = Membership.objects.get(user=panel_member)
    assert (seat.role, seat.wijk) == (Role.INSPIRATIETEAM, baarsjes)


@pytest.mark.django_db
def test_membership_index_filters_by_role_and_wijk(client, admin_client):
    admin_client(groups=["beheer"])
    baarsjes, westerpark = wijk("De Baarsjes"), wijk("Westerpark")
    MembershipFactory(user=UserFactory(email="a@voorbeeld.nl"), wijk=baarsjes)
    MembershipFactory(user=UserFactory(email="b@voorbeeld.nl"), wijk=westerpark)
    MembershipFactory(
        user=UserFactory(email="c@voorbeeld.nl"), role=Role.PROFESSIONAL, wijk=baarsjes
    )

    listed = client.get(
        "/admin/memberships/", {"role": Role.INSPIRATIETEAM, "wijk": baarsjes.pk}
    ).context["object_list"]
    assert [m.user.email for m in listed] == ["a@voorbeeld.nl"]


@pytest.mark.django_db
def test_moderator_may_not_manage_seats_or_users(client, admin_client):
    admin_client(groups=["moderator"])
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/memberships/").status_code == 302
    assert client.get("/admin/users/new/").status_code == 302
    assert Membership.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["redactie", "beheer"])
def test_redactie_and_beheer_may_edit_and_publish_pages(client, admin_client, group):
    admin_client(groups=[group])
    home = Page.objects.get(depth=1).get_children().first() or Page.objects.get(depth=1)
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == 200
    assert client.get("/admin/images/").status_code == 200
    assert client.get("/admin/documents/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["moderator", "beheerder"])
def test_other_groups_may_not_edit_pages(client, admin_client, group):
    admin_client(groups=[group])
    home = Page.objects.get(depth=1).get_children().first() or Page.objects.get(depth=1)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == 302


@pytest.mark.django_db
def test_group_permissions_from_the_migration():
    def perms(name):
        group = Group.objects.get(name=name)
        return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}

    for name in ["moderator", "redactie", "beheer", "beheerder"]:
        assert "wagtailadmin.access_admin" in perms(name)
    assert perms("moderator") == {"wagtailadmin.access_admin"}
    assert {
        "accounts.add_user",
        "accounts.change_user",
        "accounts.delete_user",
        "accounts.add_membership",
        "accounts.delete_membership",
        "areas.change_wijk",
        "areas.add_buurt",
    } <= perms("beheer")
    assert not perms("redactie") & {"accounts.add_user", "accounts.change_membership"}
    root = Page.objects.get(depth=1)
    redactie_page_perms = set(
        Group.objects.get(name="redactie")
        .page_permissions.filter(page=root)
        .values_list("permission__codename", flat=True)
    )
    assert redactie_page_perms == {"add_page", "change_page", "publish_page"}
