"""Periodic work of the buurtbudget (Django tasks; the worker is `manage.py db_worker`)."""

from itertools import groupby

from django_tasks import task

from . import notifications, queries


@task()
def overdue_reports_mail() -> int:
    """Mail each wijk's panel the granted applications whose report is late.

    Returns the number of wijken mailed. Run weekly (``manage.py buurtbudget_overdue``).
    """
    late = (
        queries.overdue().select_related("wijk", "initiatief").order_by("wijk_id", "report_due_on")
    )
    mailed = 0
    for _wijk_id, group in groupby(late, key=lambda a: a.wijk_id):
        aanvragen = list(group)
        wijk = aanvragen[0].wijk
        members = list(queries.panel_members(wijk))
        if members:
            notifications.overdue_reports_notify(wijk=wijk, aanvragen=aanvragen, members=members)
            mailed += 1
    return mailed
