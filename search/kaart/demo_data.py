"""Demo searches without a result, so that the sociale kaart shows that kind of demand.

Anonymous counts only (term, wijk, day), as the search page stores them. Idempotent:
a second run on the same day adds nothing.
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_step
from search.models import Zoekterm

# (term, wijk slug, days ago, searches, of which without a result)
DEMO_SEARCHES = [
    ("taalcafe", "bos-en-lommer", 2, 4, 4),
    ("nederlands leren", "bos-en-lommer", 5, 3, 2),
    ("schaakclub", "bos-en-lommer", 9, 2, 2),
    ("voetbal meiden", "de-baarsjes", 3, 3, 3),
    ("sporten voor ouderen", "de-baarsjes", 12, 2, 1),
    ("repair cafe", "oud-west", 4, 5, 2),
    ("mantelzorg", "westerpark", 6, 2, 2),
    ("huiswerkbegeleiding", "westerpark", 1, 3, 1),
    ("buurtfeest", "", 2, 3, 3),
]


@demo_step(order=95, label=gettext_lazy("Zoekvragen zonder resultaat voor de sociale kaart"))
def zoekvragen(ctx: DemoContext) -> str:
    today = timezone.localdate()
    made = 0
    for term, wijk, days_ago, searches, zero in DEMO_SEARCHES:
        _row, created = Zoekterm.objects.get_or_create(
            term=term,
            wijk=wijk,
            day=today - dt.timedelta(days=days_ago),
            defaults={"searches": searches, "zero_results": zero},
        )
        made += created
    return _("%(count)s zoektermen nieuw") % {"count": made}
