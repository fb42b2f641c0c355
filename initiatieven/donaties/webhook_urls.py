"""Outside the language prefix: Stripe posts here (``/doneren/stripe/...``)."""

from django.urls import path

from initiatieven.donaties.webhook import stripe_webhook_view

urlpatterns = [path("webhook/", stripe_webhook_view, name="donaties_stripe_webhook")]
