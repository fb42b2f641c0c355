from allauth.account.adapter import DefaultAccountAdapter

from buurtkracht.core.mail import mail_enqueue


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open to everyone; publishing waits for a verified address."""

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Rendered now (the request is needed for links), sent by the task worker.
        message = self.render_mail(template_prefix, email, self._mail_context(email, context))
        mail_enqueue(message)

    def _mail_context(self, email: str, context: dict) -> dict:
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        return {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
        } | context
