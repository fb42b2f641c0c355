import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from initiatieven.buurtbudget import services
from initiatieven.buurtbudget.models import Aanvraag
from tests.factories import wijk

from .factories import BudgetFactory, aanvraag, panel, panel_member, today

pytestmark = pytest.mark.django_db


def test_command_mails_the_panel_about_late_reports():
    BudgetFactory()
    members = panel(3)
    late = aanvraag()
    on_time = aanvraag()
    for target in (late, on_time):
        for member in members:
            services.stem_cast(user=member, aanvraag=target, choice="voor", motivation="m")
    Aanvraag.objects.filter(pk=late.pk).update(report_due_on=today() - datetime.timedelta(days=3))
    panel_member(wijk("Westerpark"))
    mail.outbox.clear()

    call_command("buurtbudget_overdue", stdout=io.StringIO())

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == sorted(m.email for m in members)
    assert late.initiatief.title in message.body
    assert on_time.initiatief.title not in message.body


def test_no_mail_when_nothing_is_late():
    aanvraag()
    panel(2)
    mail.outbox.clear()
    call_command("buurtbudget_overdue", stdout=io.StringIO())
    assert mail.outbox == []
