"""Mail leaves the request as a task and is sent by the worker."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.factories import UserFactory


@pytest.fixture
def database_tasks(settings):
    # django-tasks resets its backends when the TASKS setting changes.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_password_reset_mail_waits_for_the_worker(client, database_tasks):
    user = UserFactory(email="wachtwoord@voorbeeld.nl")

    response = client.post("/accounts/password/reset/", {"email": user.email})

    assert response.status_code == 302
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path="buurtkracht.core.tasks.send_email").count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert [m.to for m in mail.outbox] == [["wachtwoord@voorbeeld.nl"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
