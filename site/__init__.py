"""Buurtkracht: the Wagtail project (installed from the folder `site/`)."""

__version__ = "0.1.0"
