import pytest

from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory


@pytest.mark.django_db
def test_the_factories_make_a_public_initiatief_with_an_owner_and_a_need():
    need = BehoefteFactory()
    initiatief = need.initiatief
    assert initiatief.is_public
    assert initiatief.owners.count() == 1
    assert [theme.code for theme in initiatief.themes.all()] == ["ontmoeting"]
    assert InitiatiefFactory(owners=[]).owners.count() == 0
