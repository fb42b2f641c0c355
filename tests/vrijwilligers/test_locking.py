"""Two owners accepting at once cannot fill more places than there are."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from tests.vrijwilligers.factories import ReactieFactory, VacatureFactory
from vrijwilligers import services
from vrijwilligers.models import Reactie, Vacature


@pytest.mark.django_db(transaction=True)
def test_second_accept_waits_for_the_first_and_then_finds_it_full():
    vacature = VacatureFactory(places=1)
    first, second = ReactieFactory(vacature=vacature), ReactieFactory(vacature=vacature)
    locked, outcome = threading.Event(), {}

    def other_owner():
        locked.wait(5)
        try:
            services.reactie_accept(reactie=second)
            outcome["result"] = "accepted"
        except ValidationError as error:
            outcome["result"] = error.error_dict["reactie"][0].code
        finally:
            connection.close()

    thread = threading.Thread(target=other_owner)
    thread.start()
    with transaction.atomic():
        Vacature.objects.select_for_update().get(pk=vacature.pk)
        locked.set()
        thread.join(0.5)
        assert thread.is_alive()  # waiting for our lock
        services.reactie_accept(reactie=first)
    thread.join(5)
    assert outcome["result"] == "full"
    assert Reactie.objects.filter(status=Reactie.Status.GEACCEPTEERD).count() == 1
