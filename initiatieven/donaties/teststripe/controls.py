"""The `/_test/` controls: pay, fail or expire a session, hold webhooks, replay, reset.

Only this server has them (Stripe does not); tests and the hosted page's readers use
them to play what Stripe would do. Mixed into ``handler.Handler``.
"""

from __future__ import annotations

import json

from .params import as_choice, decode


class ControlRoutes:
    def _control_params(self) -> dict:
        if self.headers.get("Content-Type", "").startswith("application/json"):
            data = json.loads(self.body or "{}")
            return {k: str(v).lower() if isinstance(v, bool) else v for k, v in data.items()}
        return decode(self.body or self.query)

    def _control(self, result) -> None:
        self._json(200, result if isinstance(result, dict) else {"result": result})

    def control_session(self, session_id, action):
        params = self._control_params()
        stripe = self.stripe
        method = as_choice(params.get("method", "ideal"), ("ideal", "card"), "method")
        if action == "pay":
            self._control(stripe.pay(session_id, method=method))
        elif action == "pay_async":
            outcome = params.get("outcome") or None
            delay = float(params["delay"]) if params.get("delay") else None
            self._control(stripe.pay_async(session_id, method=method, outcome=outcome, delay=delay))
        elif action == "settle":
            succeeded = params.get("outcome", "succeeded") == "succeeded"
            self._control(stripe.settle(session_id, succeeded=succeeded))
        elif action == "fail":
            self._control(stripe.fail(session_id, method=method))
        else:
            self._control(stripe.expire(session_id))

    def control_webhooks(self, action):
        params = self._control_params()
        stripe = self.stripe
        if action == "pause":
            stripe.pause_webhooks()
        elif action == "resume":
            stripe.resume_webhooks(deliver_held=params.get("deliver_held", "true") != "false")
        else:
            stripe.set_webhook_url(params.get("url") or None)
        self._control({"paused": stripe.webhooks.paused, "url": stripe.webhooks.url})

    def control_events(self):
        self._control({"data": self.stripe.events})

    def control_replay(self, event_id):
        self._control(self.stripe.replay(event_id))

    def control_deliveries(self):
        self._control({"data": [d.__dict__ | {"ok": d.ok} for d in self.stripe.deliveries]})

    def control_reset(self):
        self.stripe.reset()
        self._control({"reset": True})

    def control_clock(self):
        seconds = int(self._control_params().get("advance", "0"))
        self._control({"now": self.stripe.advance_clock(seconds)})
