"""Fixtures every test folder shares: a site tree built for each test.

No test depends on the demo data; each builds what it needs through these
fixtures and the factories in ``tests/factories.py``.
"""

import pytest
from django.core.cache import cache

from tests import factories


@pytest.fixture(autouse=True)
def _clear_cache():
    # The page cache and the rate limits live in the cache: start each test clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    return factories.ensure_locales()


@pytest.fixture
def home_page(locales):
    """The English home page, root of the default site."""
    return factories.make_site_with_home()


@pytest.fixture
def french_home_page(home_page, locales):
    return factories.translate_page(home_page, "fr", title="Accueil")


@pytest.fixture
def arabic_home_page(home_page, locales):
    return factories.translate_page(home_page, "ar", title="الرئيسية")


@pytest.fixture
def member(db):
    return factories.make_user("member@example.org", group="Members")


@pytest.fixture
def editor(db):
    return factories.make_user("editor@example.org", group="Editors")


@pytest.fixture
def moderator(db):
    return factories.make_user("moderator@example.org", group="Moderators")


@pytest.fixture
def bad_inputs():
    return factories.load_bad_inputs()
