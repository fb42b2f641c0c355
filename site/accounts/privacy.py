"""Registries through which later apps join the data export and the account deletion.

An app registers in its ``AppConfig.ready()``; the floor never imports the app::

    from buurtkracht.accounts.privacy import anonymiser_registry, export_registry

    export_registry.register("initiatieven", initiatieven_of_user)      # user -> JSON data
    anonymiser_registry.register("initiatieven", initiatieven_anonymise)  # user -> None

An exporter returns JSON-serialisable data about that user only. An anonymiser runs
inside the deletion transaction, before the user row is deleted: it sets foreign keys
to NULL or to a neutral name ("Oud-bewoner"), or deletes what has no value without the
person. If it raises, nothing is deleted.
"""

from collections.abc import Callable, Iterator
from typing import Any

from django.core.exceptions import ImproperlyConfigured


class Registry:
    """Named callbacks, called in the order they were registered."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._callbacks: dict[str, Callable[[Any], Any]] = {}

    def register(self, name: str, fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
        if name in self._callbacks:
            raise ImproperlyConfigured(f"{self.kind} {name!r} is registered twice.")
        self._callbacks[name] = fn
        return fn

    def unregister(self, name: str) -> None:
        self._callbacks.pop(name, None)

    def __iter__(self) -> Iterator[tuple[str, Callable[[Any], Any]]]:
        return iter(list(self._callbacks.items()))

    def __contains__(self, name: str) -> bool:
        return name in self._callbacks


export_registry = Registry("Export section")
anonymiser_registry = Registry("Anonymiser")
