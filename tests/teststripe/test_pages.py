"""The hosted checkout page: what a browser test sees and the redirects back to the site."""

import http.client
import json
import time
import urllib.parse

import pytest
from bs4 import BeautifulSoup


def request(server, method, path, form=None, *, json_body=None):
    connection = http.client.HTTPConnection(server.host, server.port, timeout=5)
    headers, body = {}, None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if json_body is not None:
        body = json.dumps(json_body)
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    result = response.status, dict(response.getheaders()), response.read().decode()
    connection.close()
    return result


def test_the_page_shows_amount_description_and_labelled_buttons(server, new_session):
    session = new_session()

    status, headers, body = request(server, "GET", f"/checkout/{session.id}")

    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    soup = BeautifulSoup(body, "html.parser")
    assert soup.html["lang"] == "nl"
    assert len(soup.find_all("h1")) == 1
    assert "€ 25,00" in soup.select_one(".amount").get_text()
    assert "Donatie aan Muurschildering" in soup.get_text()
    assert "geen echt geld" in soup.get_text()
    assert not soup.find_all("script")
    buttons = [b.get_text(" ", strip=True) for b in soup.find_all("button")]
    assert [b.split(" / ")[0] for b in buttons] == [
        "Betalen met iDEAL", "Betalen met kaart", "iDEAL: betaling later bevestigd",
        "Betaling mislukt", "Annuleren",
    ]  # fmt: skip
    assert all(b["type"] == "submit" for b in soup.find_all("button"))
    assert all(f["method"] == "post" for f in soup.find_all("form"))


def test_a_card_only_session_offers_no_ideal(server, new_session):
    session = new_session(payment_method_types=["card"], locale="en")

    _, _, body = request(server, "GET", f"/checkout/{session.id}")

    soup = BeautifulSoup(body, "html.parser")
    assert soup.html["lang"] == "en"
    assert "iDEAL" not in soup.get_text()


@pytest.mark.parametrize(("action", "method"), [("ideal", "ideal"), ("card", "card")])
def test_paying_redirects_to_the_success_url_with_the_session_id(
    server, receiver, new_session, action, method
):
    session = new_session()

    status, headers, _ = request(server, "POST", f"/checkout/{session.id}", {"action": action})

    assert status == 303
    assert headers["Location"] == (f"http://127.0.0.1:8000/doneren/bedankt/?session={session.id}")
    assert server.session(session.id)["payment_status"] == "paid"
    assert receiver.wait_for(1)
    event = receiver.events()[0]
    assert event["type"] == "checkout.session.completed"
    charge = server.store.objects[server.session(session.id)["payment_intent"]]["latest_charge"]
    assert server.store.objects[charge]["payment_method_details"]["type"] == method


def test_cancel_goes_back_and_leaves_the_session_open(server, receiver, new_session):
    session = new_session()

    status, headers, _ = request(server, "POST", f"/checkout/{session.id}", {"action": "cancel"})

    assert status == 303
    assert headers["Location"] == "http://127.0.0.1:8000/doneren/muurschildering/"
    assert server.session(session.id)["status"] == "open"
    assert server.events == []


def test_later_confirmed_ideal_completes_unpaid_then_succeeds(server, receiver, new_session):
    session = new_session()

    status, _, _ = request(server, "POST", f"/checkout/{session.id}", {"action": "ideal_delayed"})

    assert status == 303
    assert server.session(session.id)["payment_status"] == "unpaid"
    assert receiver.wait_for(2)
    assert [e["type"] for e in receiver.events()] == [
        "checkout.session.completed", "checkout.session.async_payment_succeeded"]  # fmt: skip
    assert server.session(session.id)["payment_status"] == "paid"


def test_a_failed_payment_completes_unpaid_then_fails(server, receiver, new_session):
    session = new_session()

    status, _, _ = request(server, "POST", f"/checkout/{session.id}", {"action": "fail"})

    assert status == 303
    assert receiver.wait_for(2)
    assert receiver.events()[1]["type"] == "checkout.session.async_payment_failed"
    assert server.session(session.id)["payment_status"] == "unpaid"


def test_a_paid_or_expired_session_cannot_be_paid_again(server, new_session):
    paid, expired = new_session(), new_session()
    server.pay(paid.id)
    server.expire(expired.id)

    status, _, body = request(server, "POST", f"/checkout/{paid.id}", {"action": "ideal"})
    assert status == 200
    assert "al afgerond" in body
    status, _, body = request(server, "GET", f"/checkout/{expired.id}")
    assert status == 410
    assert "verlopen" in body
    assert [e["type"] for e in server.events] == [
        "checkout.session.completed", "checkout.session.expired"]  # fmt: skip


def test_an_unknown_session_page_is_a_404(server):
    status, _, body = request(server, "GET", "/checkout/cs_test_nope")
    assert status == 404
    assert "niet gevonden" in body.lower()


def test_the_overview_lists_sessions(server, new_session):
    session = new_session()

    status, _, body = request(server, "GET", "/")

    assert status == 200
    assert f'href="/checkout/{session.id}"' in body


# The /_test/ controls over HTTP, for a browser test or a developer with curl.


def test_controls_pay_and_list_events(server, receiver, new_session):
    session = new_session()

    status, _, body = request(server, "POST", f"/_test/sessions/{session.id}/pay",
                              json_body={"method": "card"})  # fmt: skip

    assert status == 200
    assert json.loads(body)["payment_status"] == "paid"
    _, _, body = request(server, "GET", "/_test/events")
    [event] = json.loads(body)["data"]
    assert event["type"] == "checkout.session.completed"
    _, _, body = request(server, "GET", "/_test/deliveries")
    assert [(d["event_id"], d["status"], d["ok"]) for d in json.loads(body)["data"]] == [
        (event["id"], 200, True)
    ]
    request(server, "POST", f"/_test/events/{event['id']}/replay")
    assert receiver.wait_for(2)


def test_controls_pause_resume_and_set_the_url(server, receiver, new_session):
    first, second = new_session(), new_session()
    request(server, "POST", "/_test/webhooks/pause")
    request(server, "POST", f"/_test/sessions/{first.id}/fail")
    assert receiver.requests == []

    status, _, body = request(server, "POST", "/_test/webhooks/resume", {"deliver_held": "false"})
    assert json.loads(body) == {"paused": False, "url": receiver.url}
    request(server, "POST", f"/_test/sessions/{second.id}/expire")
    assert [e["type"] for e in receiver.events()] == ["checkout.session.expired"]

    request(server, "POST", "/_test/webhooks/url", {"url": ""})
    assert server.webhooks.url is None


def test_controls_async_settle_clock_and_reset(server, new_session):
    session, later = new_session(), new_session(expires_at=int(time.time()) + 3600)
    request(server, "POST", f"/_test/sessions/{session.id}/pay_async", {"method": "ideal"})
    assert server.session(session.id)["payment_status"] == "unpaid"

    request(server, "POST", f"/_test/sessions/{session.id}/settle", {"outcome": "succeeded"})
    assert server.session(session.id)["payment_status"] == "paid"
    request(server, "POST", "/_test/clock", {"advance": "3600"})
    assert server.session(later.id)["status"] == "expired"

    status, _, _ = request(server, "POST", "/_test/reset")
    assert status == 200
    assert server.store.sessions == {}


def test_controls_answer_errors_in_stripes_shape(server):
    status, _, body = request(server, "POST", "/_test/sessions/cs_test_nope/pay")
    assert status == 404
    assert json.loads(body)["error"]["code"] == "resource_missing"


def test_a_control_with_broken_json_is_a_400(server, new_session):
    session = new_session()
    connection = http.client.HTTPConnection(server.host, server.port, timeout=5)
    connection.request("POST", f"/_test/sessions/{session.id}/pay_async", body="{nee",
                       headers={"Content-Type": "application/json"})  # fmt: skip
    response = connection.getresponse()
    body = json.loads(response.read())
    connection.close()

    assert response.status == 400
    assert body["error"]["type"] == "invalid_request_error"
    assert server.session(session.id)["status"] == "open"
