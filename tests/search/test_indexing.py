"""The path from a saved row to both indexes: on commit, a task, retries, rebuild, check."""

import datetime
import socket

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from initiatieven.models import Thema
from search import engine, indexing
from search.models import Document
from search.tasks import MAX_ATTEMPTS, index_change
from search.types import SearchDocument, SearchRequest
from tests.initiatieven.factories import InitiatiefFactory
from tests.vrijwilligers.factories import VacatureFactory
from vrijwilligers.services import vacature_close, vacatures_close_expired

pytestmark = pytest.mark.django_db


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_changes_reach_the_index_after_commit(search_engine, commit):
    search_engine.rebuild()
    with commit():
        initiatief = InitiatiefFactory(title="Moestuin Oost", themes=["groen"])
    search_engine.refresh()
    assert search_engine.titles("moestuin") == ["Moestuin Oost"]

    with commit():
        initiatief.themes.set(Thema.objects.filter(code="taal"))
    search_engine.refresh()
    facets = search_engine.search("moestuin").facets["theme"]
    assert [(v.value, v.count) for v in facets] == [("taal", 1)]

    with commit():
        initiatief.is_hidden = True
        initiatief.save()
    search_engine.refresh()
    assert search_engine.titles("moestuin") == []
    assert not Document.objects.filter(key=f"initiatief-{initiatief.pk}").exists()


def test_deleting_and_hiding_the_initiatief_removes_its_vacature(search_engine, commit):
    with commit():
        initiatief = InitiatiefFactory(title="Kookclub")
        vacature = VacatureFactory(title="Kookmaatje", initiatief=initiatief)
        other = VacatureFactory(title="Kookhulp")
    search_engine.refresh()
    assert sorted(search_engine.titles("", types=["vacature"])) == ["Kookhulp", "Kookmaatje"]
    with commit():
        initiatief.status = "concept"
        initiatief.save()
    search_engine.refresh()
    assert search_engine.titles("", types=["vacature"]) == ["Kookhulp"]
    with commit():
        other.delete()
    search_engine.refresh()
    assert search_engine.search("", types=["vacature"]).total == 0
    assert vacature.pk


def test_closing_a_vacature_removes_it_at_once(search_engine, commit):
    with commit():
        by_hand = VacatureFactory(title="Taalmaatje gezocht")
        expired = VacatureFactory(title="Taalmaatje zomer")
    search_engine.refresh()
    assert sorted(search_engine.titles("taalmaatje")) == ["Taalmaatje gezocht", "Taalmaatje zomer"]

    with commit():
        vacature_close(vacature=by_hand)
        type(expired).objects.filter(pk=expired.pk).update(
            end_date=timezone.localdate() - datetime.timedelta(days=1)
        )
        assert vacatures_close_expired() == 1
    search_engine.refresh()
    assert search_engine.titles("taalmaatje") == []


def test_nothing_is_indexed_before_the_commit(search_engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        InitiatiefFactory(title="Moestuin Nog Niet")
    assert callbacks
    assert not Document.objects.exists()


def test_a_failed_index_call_is_retried_later(settings):
    settings.ELASTICSEARCH_URL = closed_port_url()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    initiatief = InitiatiefFactory(title="Moestuin Later")
    result = index_change.call("initiatieven", "initiatieven.Initiatief", initiatief.pk, {})
    assert result == "retrying"
    # The database engine has it at once; Elasticsearch gets it on the retry.
    assert Document.objects.filter(key=f"initiatief-{initiatief.pk}").exists()
    retry = DBTaskResult.objects.get()
    assert retry.task_path == "search.tasks.index_change"
    assert retry.args_kwargs["args"][-1] == 2
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=20)


def test_retries_stop_and_log_after_the_last_attempt(settings, caplog):
    settings.ELASTICSEARCH_URL = closed_port_url()
    initiatief = InitiatiefFactory(title="Moestuin Nooit")
    # The immediate test backend cannot defer: every retry runs at once.
    index_change.call("initiatieven", "initiatieven.Initiatief", initiatief.pk, {})
    warnings = [r for r in caplog.records if r.name == "search.tasks" and r.levelname == "WARNING"]
    errors = [r for r in caplog.records if r.name == "search.tasks" and r.levelname == "ERROR"]
    assert len(warnings) == MAX_ATTEMPTS - 1
    assert len(errors) == 1 and "--check" in errors[0].getMessage()


def test_elasticsearch_down_falls_back_to_the_database(settings, caplog):
    settings.ELASTICSEARCH_URL = ""
    InitiatiefFactory(title="Moestuin De Ruif")
    indexing.rebuild()
    settings.ELASTICSEARCH_URL = closed_port_url()
    results = engine.search(SearchRequest(q="moestuinen"))
    assert results.fallback is True
    assert results.engine == "database"
    assert [h.title for h in results.hits] == ["Moestuin De Ruif"]
    assert [s.title for s in engine.suggest("moes")] == ["Moestuin De Ruif"]
    assert engine.active_engine() == "elasticsearch"
    assert any("failed" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")


def test_rebuild_keeps_answering_and_switches_the_alias(search_engine):
    InitiatiefFactory(title="Moestuin Een")
    search_engine.rebuild()
    InitiatiefFactory(title="Moestuin Twee")
    seen = []

    def during(done, total):
        seen.append(search_engine.search("moestuin").total)

    indexing.rebuild(progress=during)
    search_engine.refresh()
    assert seen and all(n >= 1 for n in seen)
    assert sorted(search_engine.titles("moestuin")) == ["Moestuin Een", "Moestuin Twee"]
    if search_engine.name == "elasticsearch":
        from search.engines import elastic_index

        assert len(elastic_index.prefixed_indices()) == 1
        assert elastic_index.indices_behind_alias() == elastic_index.prefixed_indices()


def test_check_finds_and_repairs_drift(search_engine, capsys):
    keep = InitiatiefFactory(title="Moestuin Blijft")
    lost = InitiatiefFactory(title="Moestuin Kwijt")
    search_engine.rebuild()
    Document.objects.filter(key=f"initiatief-{lost.pk}").delete()
    stray = SearchDocument(key="initiatief-999999", type="initiatief", title="Spook", url="/x/")
    indexing.documents.store([("initiatieven", stray)])
    if search_engine.name == "elasticsearch":
        from search.engines import elastic

        elastic.delete_documents([f"initiatief-{keep.pk}"])
        elastic.index_documents([stray])

    with pytest.raises(CommandError) as refused:
        call_command("search_index", "--check", "--no-repair")
    assert refused.value.returncode == 1
    expected_drift = 4 if search_engine.name == "elasticsearch" else 2
    assert indexing.check(repair=False).drift == expected_drift

    call_command("search_index", "--check")
    assert "repaired" in capsys.readouterr().out
    search_engine.refresh()
    call_command("search_index", "--check", "--no-repair")
    assert "No drift." in capsys.readouterr().out
    assert sorted(search_engine.titles("moestuin")) == ["Moestuin Blijft", "Moestuin Kwijt"]
    assert search_engine.titles("spook") == []


def test_rebuild_command_shows_progress(search_engine, capsys):
    InitiatiefFactory(title="Moestuin Een")
    call_command("search_index", "--rebuild")
    out, err = capsys.readouterr()
    assert "Indexed 1 documents" in out
    assert "[" in err and "1/1" in err
    search_engine.refresh()
    assert search_engine.titles("moestuin") == ["Moestuin Een"]


def test_healthz_names_the_engine(client, search_engine):
    body = client.get("/healthz").json()
    if search_engine.name == "database":
        assert body["search"] == {"engine": "database", "elasticsearch": "disabled"}
    else:
        assert body["search"] == {"engine": "elasticsearch", "elasticsearch": "ok"}


def test_a_search_server_answering_500_falls_back(settings):
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Broken(BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(500)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"error": "boom"}')

        do_GET = do_POST

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Broken)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.ELASTICSEARCH_URL = ""
        InitiatiefFactory(title="Moestuin Noord")
        indexing.rebuild()
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{server.server_port}"
        results = engine.search(SearchRequest(q="moestuin"))
        assert (results.engine, results.fallback) == ("database", True)
        assert [h.title for h in results.hits] == ["Moestuin Noord"]
    finally:
        server.shutdown()
        server.server_close()


def test_the_demo_step_fills_the_index_and_can_run_twice(settings):
    from search.demo_data import search_index

    settings.ELASTICSEARCH_URL = ""
    InitiatiefFactory(title="Moestuin Demo")
    assert search_index(None) == "1 documenten vindbaar"
    assert search_index(None) == "1 documenten vindbaar"
    assert Document.objects.get().title == "Moestuin Demo"
