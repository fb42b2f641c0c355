"""``POST /doneren/stripe/webhook/``: Stripe tells us what happened to a payment.

Answers (Stripe retries every non-2xx for up to three days):

- 400: missing, wrong or old signature, or not an event; nothing changes;
- 200: processed, a duplicate (a replay must still get 2xx, else Stripe keeps sending
  it), or a type we do not handle;
- 503: the donation is locked by another delivery too long, or a refund arrived
  before its payment; Stripe sends it again later.
"""

import logging

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from initiatieven.donaties import settlement
from initiatieven.donaties.stripe_gateway import GatewayError, StripeGateway

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook_view(request: HttpRequest) -> JsonResponse:
    try:
        event = StripeGateway.event_construct(request.body, request.headers.get("Stripe-Signature"))
    except GatewayError as error:
        logger.warning("Stripe webhook refused: %s", error)
        return JsonResponse({"detail": "invalid signature"}, status=400)
    try:
        result = settlement.stripe_event_process(event=event)
    except settlement.RetryLater as error:
        logger.info("Stripe event %s (%s) to be retried: %s", event["id"], event.get("type"), error)
        return JsonResponse({"detail": "retry later"}, status=503)
    return JsonResponse({"result": result})
