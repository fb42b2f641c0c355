import pytest
import stripe


@pytest.fixture
def paid(server, new_session):
    """A paid EUR 25 session; answers its payment intent id."""
    session = new_session()
    return server.pay(session.id)["payment_intent"]


def charge_of(sdk, intent_id):
    return sdk.v1.charges.retrieve(sdk.v1.payment_intents.retrieve(intent_id).latest_charge)


def test_a_full_refund(sdk, server, paid):
    refund = sdk.v1.refunds.create(
        params={"payment_intent": paid, "reason": "requested_by_customer"}
    )

    assert refund.object == "refund"
    assert refund.id.startswith("re_")
    assert refund.amount == 2500
    assert refund.status == "succeeded"
    assert refund.payment_intent == paid
    assert refund.reason == "requested_by_customer"
    charge = charge_of(sdk, paid)
    assert charge.amount_refunded == 2500
    assert charge.refunded is True
    assert sdk.v1.refunds.retrieve(refund.id).amount == 2500


def test_partial_refunds_add_up(sdk, server, paid):
    first = sdk.v1.refunds.create(params={"payment_intent": paid, "amount": 1000})
    charge_id = first.charge
    second = sdk.v1.refunds.create(
        params={"charge": charge_id, "amount": 500, "metadata": {"door": "beheer@example.nl"}}
    )

    charge = sdk.v1.charges.retrieve(charge_id)
    assert charge.amount_refunded == 1500
    assert charge.refunded is False
    assert [r.id for r in charge.refunds.data] == [second.id, first.id]
    assert second.metadata.to_dict() == {"door": "beheer@example.nl"}
    refunded = [e for e in server.events if e["type"] == "charge.refunded"]
    assert [e["data"]["object"]["amount_refunded"] for e in refunded] == [1000, 1500]
    assert refunded[1]["data"]["previous_attributes"] == {
        "amount_refunded": 1000,
        "refunded": False,
    }
    assert refunded[1]["data"]["object"]["payment_intent"] == paid


def test_more_than_remains_is_refused(sdk, paid):
    sdk.v1.refunds.create(params={"payment_intent": paid, "amount": 2000})

    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.refunds.create(params={"payment_intent": paid, "amount": 501})

    assert caught.value.param == "amount"
    assert caught.value.code == "amount_too_large"
    assert "€5.00" in caught.value.user_message
    assert charge_of(sdk, paid).amount_refunded == 2000


def test_a_refunded_charge_cannot_be_refunded_again(sdk, paid):
    sdk.v1.refunds.create(params={"payment_intent": paid})

    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.refunds.create(params={"payment_intent": paid})

    assert caught.value.code == "charge_already_refunded"


def test_an_unpaid_payment_cannot_be_refunded(sdk, server, new_session):
    intent = server.pay_async(new_session().id)["payment_intent"]

    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.refunds.create(params={"payment_intent": intent})

    assert caught.value.param == "payment_intent"
    assert caught.value.code == "charge_not_refundable"


@pytest.mark.parametrize(
    ("params", "param", "code"),
    [({"payment_intent": "pi_3nope"}, "payment_intent", "resource_missing"),
     ({"charge": "ch_3nope"}, "charge", "resource_missing"),
     ({}, None, "parameter_missing"),
     ({"payment_intent": "PAID", "amount": 0}, "amount", "parameter_invalid_integer"),
     ({"payment_intent": "PAID", "reason": "changed_mind"}, "reason", None),
     ({"payment_intent": "PAID", "currency": "eur"}, "currency", "parameter_unknown")],
)  # fmt: skip
def test_bad_refund_calls(sdk, paid, params, param, code):
    params = {k: paid if v == "PAID" else v for k, v in params.items()}
    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.refunds.create(params=params)
    assert caught.value.http_status == 400
    assert (caught.value.param, caught.value.code) == (param, code)


def test_retrieve_an_unknown_refund_is_a_404(sdk):
    with pytest.raises(stripe.InvalidRequestError) as caught:
        sdk.v1.refunds.retrieve("re_3nope")
    assert caught.value.http_status == 404


def test_a_refund_is_idempotent(sdk, paid):
    options = {"idempotency_key": "refund-DON-1"}
    first = sdk.v1.refunds.create(params={"payment_intent": paid, "amount": 700}, options=options)
    again = sdk.v1.refunds.create(params={"payment_intent": paid, "amount": 700}, options=options)

    assert again.id == first.id
    assert charge_of(sdk, paid).amount_refunded == 700
