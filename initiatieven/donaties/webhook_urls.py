"""Outside the language prefix: Stripe posts here (``/doneren/stripe/...``)."""

from django.urls import path  # noqa: F401

urlpatterns = []
