"""Press releases under embargo, through Wagtail's scheduled publishing."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import NewsKind
from tests import factories


pytestmark = pytest.mark.django_db


def schedule_release(home_page, go_live_at):
    """A press release scheduled to go live at ``go_live_at``, never published."""
    index = factories.make_news_index(home_page)
    factories.make_news_page(index, "Already out")
    release = factories.make_news_page(
        index,
        "Embargoed release",
        kind=NewsKind.PRESS_RELEASE,
        go_live_at=go_live_at,
        publish=False,
    )
    release.save_revision().publish()  # With a future go-live date: scheduled.
    release.refresh_from_db()
    return release


@pytest.fixture
def embargoed(home_page):
    return schedule_release(home_page, timezone.now() + datetime.timedelta(hours=1))


def visible_everywhere(client):
    """Where the release shows: its page, the list, and each feed."""
    return {
        "page": client.get("/en/news/embargoed-release/").status_code == 200,
        "list": b"Embargoed release" in client.get("/en/news/").content,
        "press list": b"Embargoed release"
        in client.get("/en/news/?kind=press_release").content,
        **{
            feed: b"Embargoed release" in client.get(f"/en/news/{feed}/").content
            for feed in [
                "feed/rss",
                "feed/atom",
                "press-releases/rss",
                "press-releases/atom",
            ]
        },
    }


def test_embargoed_release_is_invisible_until_its_time(client, embargoed):
    """Before its go-live date: 404 on its URL, absent from the list and feeds."""
    assert not embargoed.live
    assert client.get("/en/news/embargoed-release/").status_code == 404
    assert not any(visible_everywhere(client).values())
    assert b"Already out" in client.get("/en/news/").content


def test_scheduler_does_not_publish_before_the_time(client, embargoed):
    """publish_scheduled leaves a release whose time has not come."""
    call_command("publish_scheduled")

    embargoed.refresh_from_db()
    assert not embargoed.live
    assert not any(visible_everywhere(client).values())


def test_release_appears_once_the_scheduler_runs_after_its_time(client, home_page):
    """Once the go-live time has passed, publish_scheduled makes it visible.

    The pages and feeds were cached while it was hidden; publishing purges
    the page cache, so every place shows it at once.
    """
    go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    release = schedule_release(home_page, go_live_at)
    assert not any(visible_everywhere(client).values())  # Fills the page cache.

    # Real time passes (two seconds); nothing is shown until the scheduler runs.
    time.sleep(max(0, (go_live_at - timezone.now()).total_seconds()) + 0.2)
    assert not any(visible_everywhere(client).values())
    call_command("publish_scheduled")

    release.refresh_from_db()
    assert release.live
    assert all(visible_everywhere(client).values())
