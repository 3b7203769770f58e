import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mmn_plugins.core.models import Topic
from news.models import NewsKind
from tests import factories


pytestmark = pytest.mark.django_db


def test_counts(client, home_page, french_home_page, settings, locales):
    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    index = factories.make_news_index(home_page)
    topic = Topic.objects.create(name="Health", slug="health", locale=locales["en"])
    for n in range(20):
        page = factories.make_news_page(index, f"Item {n}", listing_image=wagtail_factories.ImageFactory(), kind=NewsKind.PRESS_RELEASE if n % 3 == 0 else "news")
        page.topics.set([topic])
        page.save_revision().publish()
    events = factories.make_event_index(home_page)
    for n in range(20):
        factories.make_event(events, f"Event {n}", time_zone="Asia/Beirut")
    fr_item = factories.translate_page(page, "fr", title="Article")
    from formpages.models import FormPage
    form = factories.add_page(home_page, FormPage(title="Register", slug="register"))
    ev = factories.make_event(events, "Registrable", time_zone="Europe/Athens", registration_page=form)
    fr_ev = factories.translate_page(ev, "fr", title="Inscription")
    for url in ["/fr/news/", f"/fr/news/{fr_item.slug}/", "/fr/news/feed/rss/", "/en/news/", "/en/news/item-1/", "/en/news/feed/rss/", "/en/news/press-releases/atom/", "/en/events/", "/en/events/past/", "/en/events/registrable/", f"/fr/events/{fr_ev.slug}/", "/en/events/event-1/", "/en/events/event-1/ical/", "/en/events/ical/", "/en/"]:
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            r = client.get(url)
        print(url, r.status_code, len(ctx.captured_queries))
        if url in ("/fr/news/", "/en/news/"):
            for q in ctx.captured_queries:
                print("   ", q["sql"][:60], "...", q["sql"][-160:])

