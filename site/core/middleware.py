"""Site-wide response headers."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy from settings, relaxed only inside the Wagtail admin.

    Wagtail's editor still sets inline styles and a few inline scripts, so the admin
    (staff only, behind MFA) may use them; public pages never do.
    """

    admin_prefixes = ("/admin/", "/django-admin/")

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(self.admin_prefixes):
            relaxed = {
                "script-src": ["'self'", "'unsafe-inline'"],
                "style-src": ["'self'", "'unsafe-inline'"],
                "img-src": ["'self'", "data:", "blob:"],
            }
            parts.update = {**(parts.update or {}), **relaxed}
        return parts
