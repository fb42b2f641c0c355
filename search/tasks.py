"""Background tasks of search (Django's tasks API).

``index_change`` runs after the commit that changed a row of a source's model; it
(re)indexes that row's documents in the ``search.Document`` table and, when configured,
in Elasticsearch. When Elasticsearch fails it enqueues itself again later (up to
``MAX_ATTEMPTS``), and logs; whatever is still wrong after that, the periodic
``search_index --check`` repairs.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def retry_delay(attempt: int) -> dt.timedelta:
    """30 s, 2 min, 8 min, 32 min: the search server gets time to come back."""
    return dt.timedelta(seconds=30 * 4 ** (attempt - 1))


@task()
def index_change(source_label: str, model_label: str, pk, fields: dict, attempt: int = 1) -> str:
    from search import indexing

    try:
        indexing.apply_change(source_label, model_label, pk, fields)
    except indexing.UNAVAILABLE as exc:
        if attempt >= MAX_ATTEMPTS:
            logger.error(
                "Indexing %s %s failed %s times, giving up (search_index --check repairs): %r",
                model_label,
                pk,
                attempt,
                exc,
            )
            return "failed"
        logger.warning("Indexing %s %s failed, retrying later: %r", model_label, pk, exc)
        retry = index_change
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + retry_delay(attempt))
        retry.enqueue(source_label, model_label, pk, fields, attempt + 1)
        return "retrying"
    return "indexed"


@task()
def check_index(repair: bool = True) -> int:
    """The periodic drift check (``search_index --check`` runs the same)."""
    from search import indexing

    return indexing.check(repair=repair).drift
