import json
import threading
import time
import urllib.error
import urllib.request

import pytest
import stripe

from initiatieven.donaties.teststripe.params import StripeError

from .conftest import session_params


def test_create_answers_an_open_session_shaped_like_stripes(sdk, server):
    session = sdk.v1.checkout.sessions.create(params=session_params())

    assert session.object == "checkout.session"
    assert session.id.startswith("cs_test_")
    assert session.status == "open"
    assert session.payment_status == "unpaid"
    assert session.amount_total == 2500
    assert session.currency == "eur"
    assert session.mode == "payment"
    assert session.locale == "nl"
    assert session.client_reference_id == "DON-2026-0001"
    assert session.metadata.to_dict() == {"reference": "DON-2026-0001"}
    assert session.payment_method_types == ["ideal", "card"]
    assert session.payment_intent is None
    assert session.livemode is False
    assert session.url == f"{server.api_base}/checkout/{session.id}"
    assert session.expires_at - session.created == 24 * 3600


def test_retrieve_with_the_module_level_api_base(global_sdk, new_session):
    created = new_session()

    session = global_sdk.checkout.Session.retrieve(created.id)

    assert isinstance(session, stripe.checkout.Session)
    assert session.id == created.id
    assert session.amount_total == 2500


def test_create_with_the_module_level_api_base(global_sdk):
    session = global_sdk.checkout.Session.create(**session_params(locale="en"))

    assert session.locale == "en"
    assert session.status == "open"


def test_a_paid_session_expands_to_the_fee(sdk, server, new_session):
    session = new_session()
    server.pay(session.id, method="ideal")

    paid = sdk.v1.checkout.sessions.retrieve(
        session.id, params={"expand": ["payment_intent.latest_charge.balance_transaction"]}
    )

    assert paid.status == "complete"
    assert paid.payment_status == "paid"
    assert paid.customer_details.email
    intent = paid.payment_intent
    assert intent.object == "payment_intent"
    assert intent.status == "succeeded"
    assert intent.amount_received == 2500
    charge = intent.latest_charge
    assert charge.paid is True
    assert charge.payment_intent == intent.id
    assert charge.payment_method_details.type == "ideal"
    assert charge.balance_transaction.fee == 29
    assert charge.balance_transaction.net == 2500 - 29


def test_a_card_payment_costs_a_percentage_more(sdk, server, new_session):
    session = new_session()
    server.pay(session.id, method="card")

    paid = sdk.v1.checkout.sessions.retrieve(
        session.id, params={"expand": ["payment_intent.latest_charge.balance_transaction"]}
    )

    assert paid.payment_intent.latest_charge.payment_method_details.type == "card"
    assert paid.payment_intent.latest_charge.balance_transaction.fee == 29 + 38  # 1.5% of 2500


def test_payment_intent_data_reaches_the_payment_intent(sdk, server, new_session):
    session = new_session(
        payment_intent_data={"description": "Donatie", "metadata": {"reference": "DON-9"}},
        submit_type="donate",
    )
    server.pay(session.id)

    intent = sdk.v1.payment_intents.retrieve(server.session(session.id)["payment_intent"])

    assert intent.description == "Donatie"
    assert intent.metadata.to_dict() == {"reference": "DON-9"}


def test_retrieve_an_unknown_session_is_a_404(sdk):
    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.checkout.sessions.retrieve("cs_test_unknown")

    assert caught.value.http_status == 404
    assert caught.value.code == "resource_missing"
    assert caught.value.param == "session"


def test_line_items_of_a_session(sdk, new_session):
    session = new_session()

    items = sdk.v1.checkout.sessions.line_items.list(session.id)

    assert [(i.description, i.amount_total, i.quantity) for i in items.data] == [
        ("Donatie aan Muurschildering", 2500, 1)
    ]


def test_list_pages_newest_first(sdk, server, new_session):
    first, second, third = new_session(), new_session(), new_session()
    server.pay(second.id)

    page = sdk.v1.checkout.sessions.list(params={"limit": 2})
    rest = sdk.v1.checkout.sessions.list(params={"limit": 2, "starting_after": page.data[-1].id})

    assert [s.id for s in page.data] == [third.id, second.id]
    assert page.has_more is True
    assert [s.id for s in rest.data] == [first.id]
    assert rest.has_more is False
    every = [s.id for s in sdk.v1.checkout.sessions.list(params={"limit": 1}).auto_paging_iter()]
    assert every == [third.id, second.id, first.id]


def test_list_filters_by_status_payment_intent_and_created(sdk, server, new_session):
    old, paid = new_session(), new_session()
    intent = server.pay(paid.id)["payment_intent"]

    def ids(**params):
        return [s.id for s in sdk.v1.checkout.sessions.list(params=params).data]

    assert ids(status="open") == [old.id]
    assert ids(status="complete") == [paid.id]
    assert ids(payment_intent=intent) == [paid.id]
    assert set(ids(created={"gte": old.created})) == {old.id, paid.id}
    assert ids(created={"gt": int(time.time()) + 60}) == []


@pytest.mark.parametrize(
    ("params", "param"),
    [({"limit": 0}, "limit"), ({"limit": 101}, "limit"), ({"status": "paid"}, "status"),
     ({"starting_after": "cs_test_nope"}, "starting_after"), ({"colour": "red"}, "colour")],
)  # fmt: skip
def test_list_refuses_bad_filters(sdk, params, param):
    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.checkout.sessions.list(params=params)
    assert caught.value.param == param


def test_expire_an_open_session(sdk, server, new_session):
    session = new_session()

    expired = sdk.v1.checkout.sessions.expire(session.id)

    assert expired.status == "expired"
    assert expired.url is None
    assert [e["type"] for e in server.events] == ["checkout.session.expired"]
    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.checkout.sessions.expire(session.id)
    assert caught.value.code == "checkout_session_not_open"


def test_a_session_expires_by_itself_after_expires_at(sdk, server, new_session):
    session = new_session(expires_at=int(time.time()) + 3600)

    server.advance_clock(3600)

    assert sdk.v1.checkout.sessions.retrieve(session.id).status == "expired"
    assert [e["type"] for e in server.events] == ["checkout.session.expired"]


def test_the_same_idempotency_key_answers_the_same_session(sdk):
    options = {"idempotency_key": "donatie-DON-2026-0001"}

    first = sdk.v1.checkout.sessions.create(params=session_params(), options=options)
    again = sdk.v1.checkout.sessions.create(params=session_params(), options=options)

    assert again.id == first.id
    assert again.last_response.headers["Idempotent-Replayed"] == "true"
    assert len(sdk.v1.checkout.sessions.list().data) == 1


def test_an_idempotency_key_with_other_parameters_is_refused(sdk):
    options = {"idempotency_key": "donatie-DON-2026-0002"}
    sdk.v1.checkout.sessions.create(params=session_params(), options=options)

    with pytest.raises(stripe.IdempotencyError):
        sdk.v1.checkout.sessions.create(params=session_params(locale="en"), options=options)
    assert len(sdk.v1.checkout.sessions.list().data) == 1


def test_a_wrong_api_key_is_an_authentication_error(server):
    wrong = stripe.StripeClient(
        "sk_test_wrong_key_123", base_addresses={"api": server.api_base}, max_network_retries=0
    )

    with pytest.raises(stripe.AuthenticationError) as caught:
        wrong.v1.checkout.sessions.create(params=session_params())

    assert caught.value.http_status == 401
    assert "sk_test_" in caught.value.user_message
    assert server.store.sessions == {}


def test_no_api_key_is_a_401(server):
    request = urllib.request.Request(f"{server.api_base}/v1/checkout/sessions")
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request)
    body = json.loads(caught.value.read())
    caught.value.close()

    assert caught.value.code == 401
    assert body["error"]["type"] == "authentication_error"
    assert "You did not provide an API key" in body["error"]["message"]


def test_an_unknown_url_is_a_404_in_stripes_shape(sdk):
    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.raw_request("get", "/v1/payouts")
    assert caught.value.http_status == 404
    assert "Unrecognized request URL" in caught.value.user_message


def test_events_can_be_listed_and_retrieved(sdk, server, new_session):
    server.pay(new_session().id)
    server.expire(new_session().id)

    events = sdk.v1.events.list(params={"type": "checkout.session.expired"})
    every = sdk.v1.events.list(params={"limit": 1})

    assert [e.type for e in events.data] == ["checkout.session.expired"]
    assert every.has_more is True
    assert sdk.v1.events.retrieve(every.data[0].id).type == "checkout.session.expired"


def test_two_payments_of_one_session_at_once_pay_it_once(server, new_session):
    session = new_session()
    results = []

    def pay():
        try:
            results.append(server.pay(session.id)["payment_status"])
        except StripeError as error:
            results.append(error.code)

    threads = [threading.Thread(target=pay) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == ["checkout_session_not_open"] * 3 + ["paid"]
    assert [e["type"] for e in server.events] == ["checkout.session.completed"]


def test_one_idempotency_key_from_two_threads_creates_one_session(sdk):
    ids = []

    def create():
        options = {"idempotency_key": "twee-tabs"}
        ids.append(sdk.v1.checkout.sessions.create(params=session_params(), options=options).id)

    threads = [threading.Thread(target=create) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(set(ids)) == 1
    assert len(sdk.v1.checkout.sessions.list().data) == 1


def test_an_id_of_another_kind_is_not_found(sdk, new_session):
    session = new_session()

    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.payment_intents.retrieve(session.id)

    assert caught.value.http_status == 404
    assert caught.value.user_message == f"No such payment_intent: '{session.id}'"
    assert caught.value.param == "intent"


def test_a_list_expands_each_session(sdk, server, new_session):
    server.pay(new_session().id)

    page = sdk.v1.checkout.sessions.list(params={"expand": ["data.payment_intent"]})

    assert page.data[0].payment_intent.object == "payment_intent"
    assert page.data[0].payment_intent.status == "succeeded"


def test_an_unknown_expansion_is_refused(sdk, new_session):
    session = new_session()

    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.checkout.sessions.retrieve(session.id, params={"expand": ["donor"]})

    assert caught.value.param == "expand"
