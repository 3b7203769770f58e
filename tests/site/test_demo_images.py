"""The demo network's pictures: drawn by a script, light, and on their pages."""

import importlib.util
import json

import pytest
from django.conf import settings
from django.core.management import call_command
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Revision

from events.models import EventPage
from home.models import HomePage
from news.models import NewsPage


DEMO_DIR = settings.BASE_DIR / "fixtures" / "demo"
MANIFEST = json.loads((DEMO_DIR / "images.json").read_text(encoding="utf-8"))
SPECS = [MANIFEST["home"]["hero"], *MANIFEST["news"].values()] + list(
    MANIFEST["events"].values()
)


def load_make_images():
    spec = importlib.util.spec_from_file_location(
        "make_images", DEMO_DIR / "make_images.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Discard:
    def write(self, text):
        pass

    def flush(self):
        pass


@pytest.mark.parametrize("spec", SPECS, ids=[spec["file"] for spec in SPECS])
def test_each_picture_is_a_light_jpeg_of_its_size(spec):
    """Every picture is a JPEG of the size the manifest gives, under 150 KB."""
    path = DEMO_DIR / "images" / spec["file"]

    with PillowImage.open(path) as picture:
        assert picture.format == "JPEG"
        assert list(picture.size) == spec["size"]
    assert path.stat().st_size < 150 * 1024


def test_committed_pictures_are_what_the_script_draws():
    """make_images.py is seeded: it redraws the committed hero byte for byte."""
    make_images = load_make_images()
    hero = MANIFEST["home"]["hero"]

    drawn = make_images.encode_jpeg(make_images.draw_image(hero))

    assert drawn == (DEMO_DIR / "images" / hero["file"]).read_bytes()
    assert make_images.encode_jpeg(make_images.draw_image(hero)) == drawn


def test_every_picture_belongs_to_a_page_of_the_demo():
    """Each news item and event the manifest names exists in site.json."""
    content = json.loads((DEMO_DIR / "site.json").read_text(encoding="utf-8"))

    for section in ("news", "events"):
        slugs = {item["slug"] for item in content[section]["items"]}
        assert set(MANIFEST[section]) <= slugs, section


@pytest.mark.django_db
def test_load_demo_puts_the_pictures_on_their_pages_once():
    """Home pages get the hero, news and events their pictures, in every
    language; a second run stores no new picture and no new revision."""
    call_command("load_demo", password="demo password for tests", stdout=_Discard())
    Image = get_image_model()

    assert {page.hero_image.title for page in HomePage.objects.all()} == {
        MANIFEST["home"]["hero"]["title"]
    }
    for page_class, section in [(NewsPage, "news"), (EventPage, "events")]:
        for slug, spec in MANIFEST[section].items():
            pages = page_class.objects.filter(slug=slug).select_related("listing_image")
            assert pages, slug  # The source and its translations, if any.
            assert {page.listing_image.title for page in pages} == {spec["title"]}
            for page in pages:
                # An embargoed press release shows its picture when it goes out.
                if page.scheduled_revision:
                    scheduled = page.scheduled_revision.as_object()
                    assert scheduled.listing_image_id == page.listing_image_id

    images, revisions = Image.objects.count(), Revision.objects.count()
    call_command("load_demo", password="demo password for tests", stdout=_Discard())

    assert (Image.objects.count(), Revision.objects.count()) == (images, revisions)
