"""Reusable Wagtail plugins for networks of organisations.

Each sub-package is one Django app that installs on its own into any Wagtail
site; they meet only through :mod:`mmn_plugins.core`.
"""
