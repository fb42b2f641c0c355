import pytest

from initiatieven.donaties.teststripe.params import StripeError, decode


def test_decode_builds_nested_hashes_and_indexed_arrays():
    body = (
        "mode=payment&line_items[0][price_data][currency]=eur"
        "&line_items[0][price_data][unit_amount]=500&line_items[0][quantity]=1"
        "&line_items[1][quantity]=2&metadata[reference]=DON%201&expand[]=payment_intent"
        "&expand[]=payment_intent.latest_charge"
    )
    assert decode(body) == {
        "mode": "payment",
        "line_items": {
            "0": {"price_data": {"currency": "eur", "unit_amount": "500"}, "quantity": "1"},
            "1": {"quantity": "2"},
        },
        "metadata": {"reference": "DON 1"},
        "expand": {"0": "payment_intent", "1": "payment_intent.latest_charge"},
    }


def test_decode_keeps_empty_values():
    assert decode("metadata=&customer_email=") == {"metadata": "", "customer_email": ""}


@pytest.mark.parametrize("body", ["a]b=1", "a[b=1", "a=1&a[b]=2", "a[b]=1&a=2"])
def test_decode_refuses_broken_keys(body):
    with pytest.raises(StripeError) as caught:
        decode(body)
    assert caught.value.status == 400
    assert caught.value.body()["error"]["type"] == "invalid_request_error"
