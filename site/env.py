"""Typed access to the environment, the only place settings read from.

Every setting that differs per machine comes through :data:`env`. A value that is
missing and has no default stops the start with a clear message, so a production
server never runs on a silent fallback.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_MISSING = object()
_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


class Env:
    def __init__(self, environ: os._Environ[str] | dict[str, str] | None = None):
        self.environ = os.environ if environ is None else environ

    def _raw(self, name: str, default: object) -> object:
        value = self.environ.get(name)
        if value is None:
            if default is _MISSING:
                raise ImproperlyConfigured(f"Set the environment variable {name}.")
            return default
        return value

    def str(self, name: str, default: object = _MISSING) -> str | None:
        value = self._raw(name, default)
        return value.strip() if isinstance(value, str) else value

    __call__ = str

    def bool(self, name: str, default: bool | object = _MISSING) -> bool:
        value = self._raw(name, default)
        if isinstance(value, bool):
            return value
        lowered = str(value).strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ImproperlyConfigured(f"{name} must be a yes/no value, not {value!r}.")

    def int(self, name: str, default: int | object = _MISSING) -> int:
        value = self._raw(name, default)
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None

    def list(self, name: str, default: list[str] | object = _MISSING) -> list[str]:
        value = self._raw(name, default)
        if isinstance(value, list):
            return value
        return [item.strip() for item in str(value).split(",") if item.strip()]


env = Env()


def email_settings(url: str) -> dict[str, object]:
    """Turn ``EMAIL_URL`` into Django e-mail settings.

    Accepted forms: ``console:``, ``locmem:``, ``dummy:``, ``file:///folder`` (one file
    per message; the browser tests read the sign-up link from there),
    ``smtp://user:password@host:587`` (STARTTLS) and ``smtps://...`` (implicit TLS).
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    simple = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if scheme in simple:
        return {"EMAIL_BACKEND": simple[scheme]}
    if scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": unquote(parts.path),
        }
    if scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(f"EMAIL_URL has an unknown scheme: {scheme!r}.")
    query = parse_qs(parts.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if scheme == "smtps" else 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": scheme == "smtps",
        "EMAIL_USE_TLS": scheme == "smtp" and query.get("tls", ["1"])[0] != "0",
        "EMAIL_TIMEOUT": 10,
    }
