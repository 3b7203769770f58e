"""Builders for the records tests need: sites, pages, users."""

import datetime
import json
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage


REPO_DIR = Path(__file__).resolve().parent.parent
BAD_INPUTS_PATH = REPO_DIR.parent / "shared" / "bad_inputs.json"
TEST_PASSWORD = "correct horse battery staple"


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def make_site_with_home(**fields):
    """Replace Wagtail's welcome page with a published English home page."""
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    fields.setdefault("title", "Home")
    fields.setdefault("hero_title", "Working together on migration")
    home = root.add_child(
        instance=HomePage(slug="home", locale=Locale.get_default(), **fields)
    )
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True,
        site_name="Test network",
    )  # fmt: skip
    return home


def add_page(parent, page, publish=True):
    """Add ``page`` under ``parent``, publishing it unless told otherwise."""
    page.live = publish  # A new page is live unless told; a draft must not be.
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def translate_page(page, language_code, **fields):
    """Copy ``page`` into another language, with the translated fields given."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def make_user(email, group=None, password=TEST_PASSWORD, **fields):
    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=password, **fields
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def load_bad_inputs():
    """The shared corpus of hostile and odd inputs, by group."""
    return json.loads(BAD_INPUTS_PATH.read_text(encoding="utf-8"))


def make_news_index(parent, **fields):
    fields.setdefault("title", "News")
    fields.setdefault("slug", slugify(fields["title"]))
    return add_page(parent, NewsIndexPage(**fields))


def make_news_page(index, title, publish=True, **fields):
    """A news item (or, with ``kind="press_release"``, a press release)."""
    fields.setdefault("slug", slugify(title))
    return add_page(index, NewsPage(title=title, **fields), publish=publish)


def make_event_index(parent, **fields):
    fields.setdefault("title", "Events")
    fields.setdefault("slug", slugify(fields["title"]))
    return add_page(parent, EventIndexPage(**fields))


def make_event(index, title, starts_in=datetime.timedelta(days=7), hours=2, **fields):
    """An event starting ``starts_in`` from now (negative: in the past)."""
    if "starts_at" not in fields:
        start = timezone.now().replace(minute=0, second=0, microsecond=0)
        fields["starts_at"] = start + starts_in
    fields.setdefault("ends_at", fields["starts_at"] + datetime.timedelta(hours=hours))
    fields.setdefault("slug", slugify(title))
    return add_page(index, EventPage(title=title, **fields))
