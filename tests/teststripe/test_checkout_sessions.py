import stripe

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
    assert session.url == f"{server.api_base}/checkout/{session.id}"
    assert session.expires_at - session.created == 24 * 3600


def test_retrieve_with_the_module_level_api_base(global_sdk, new_session):
    created = new_session()

    session = global_sdk.checkout.Session.retrieve(created.id)

    assert isinstance(session, stripe.checkout.Session)
    assert session.id == created.id
    assert session.amount_total == 2500


def test_a_paid_session_expands_to_the_fee(sdk, server, new_session):
    session = new_session()
    server.pay(session.id, method="ideal")

    paid = sdk.v1.checkout.sessions.retrieve(
        session.id, params={"expand": ["payment_intent.latest_charge.balance_transaction"]}
    )

    assert paid.status == "complete"
    assert paid.payment_status == "paid"
    intent = paid.payment_intent
    assert intent.object == "payment_intent"
    assert intent.status == "succeeded"
    assert intent.amount_received == 2500
    charge = intent.latest_charge
    assert charge.paid is True
    assert charge.payment_method_details.type == "ideal"
    assert charge.balance_transaction.fee == 29
    assert charge.balance_transaction.net == 2500 - 29
