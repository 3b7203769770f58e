"""Pages of every type, in English and in Arabic, for the browser tests.

Each builder takes the English home page and returns the English page and
its Arabic translation, filled with text and media a reader would meet, so
that axe and the screenshots judge the theme on believable content.
"""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Site
from wagtail.rich_text import RichText
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from events.models import EventIndexPage, EventPage
from formpages.models import FormField, FormPage
from news.models import NewsIndexPage, NewsPage
from pages.models import StandardPage
from tests.factories import add_page, translate_page


LOREM_EN = (
    "Cities around the Mediterranean are finding new ways to welcome the people "
    "who arrive, from language classes run by neighbours to one-stop offices that "
    "bring housing, health and work advice under one roof."
)
LOREM_AR = (
    "تجد المدن حول البحر المتوسط طرقًا جديدة لاستقبال القادمين إليها، من دروس "
    "اللغة التي يقدمها الجيران إلى المكاتب الموحدة التي تجمع خدمات السكن والصحة "
    "والعمل تحت سقف واحد."
)


def make_image(title, size=(1200, 800)):
    """A sea-and-sun picture generated on the spot (no binary in the repo)."""
    width, height = size
    picture = PillowImage.new("RGB", size, "#0b5f73")
    draw = ImageDraw.Draw(picture)
    for row in range(height // 2, height):
        shade = int(40 + 60 * (row - height / 2) / (height / 2))
        draw.line([(0, row), (width, row)], fill=(8, shade + 40, shade + 70))
    draw.ellipse(
        [width * 0.62, height * 0.18, width * 0.78, height * 0.42], fill="#f4c95d"
    )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower()[:20]}.png")
    )


def make_document(title):
    content = ContentFile(b"%PDF-1.4\n% a small test document\n", name="report.pdf")
    return Document.objects.create(title=title, file=content)


def every_block(image, document, link_page):
    """A StreamField body using each block of ``pages.blocks.BodyBlock``."""
    paragraph = f"<p>{LOREM_EN}</p><ul><li>Exchanges</li><li>Study visits</li></ul>"
    image_block = {
        "image": image,
        "alt_text": "A harbour at sunrise",
        "caption": "The port of Valletta",
        "credit": "Network archive",
    }
    quote = {
        "quote": "We learnt more in two days of study visit than in a year of reports.",
        "attribution": "A member from Tunis",
    }
    call_to_action = {
        "title": "Join the network",
        "text": "Organisations working on migration can apply.",
        "link_page": link_page,
        "link_url": "",
        "link_text": "How to join",
    }
    questions = [
        {"heading": "Who can join?", "body": RichText(f"<p>{LOREM_EN}</p>")},
        {"heading": "Is there a fee?", "body": RichText("<p>No.</p>")},
    ]
    return [
        ("heading", {"text": "What the network does", "level": "h2"}),
        ("paragraph", RichText(paragraph)),
        ("image", image_block),
        ("heading", {"text": "In members' words", "level": "h3"}),
        ("quote", quote),
        ("call_to_action", call_to_action),
        ("documents", {"title": "Reports", "documents": [document]}),
        ("accordion", {"title": "Questions", "items": questions}),
    ]


def build_menus(home, pages):
    """The main and footer menus, linking ``pages`` (English; localised on show)."""
    site = Site.objects.get(root_page=home)
    main_menu = MainMenu.get_for_site(site)
    footer, _created = FlatMenu.objects.get_or_create(
        site=site, handle="footer", defaults={"title": "Footer"}
    )
    for order, page in enumerate(pages):
        MainMenuItem.objects.create(menu=main_menu, link_page=page, sort_order=order)
        FlatMenuItem.objects.create(menu=footer, link_page=page, sort_order=order)


def build_home(home):
    home.hero_text = LOREM_EN
    home.figures = [
        ("figure", {"number": "150", "label": "member organisations"}),
        ("figure", {"number": "34", "label": "countries"}),
        ("figure", {"number": "6", "label": "languages"}),
    ]
    home.hero_image = make_image("Harbour")
    home.save_revision().publish()
    arabic = translate_page(
        home, "ar", title="الرئيسية", hero_title="نعمل معًا في قضايا الهجرة",
        hero_text=LOREM_AR,
    )  # fmt: skip
    return home, arabic


def build_standard_page(home):
    image = make_image("Valletta")
    document = make_document("Annual report 2026")
    about = add_page(home, StandardPage(title="About the network", slug="about"))
    page = add_page(
        about,
        StandardPage(
            title="How we work", slug="how-we-work", introduction=LOREM_EN,
            body=every_block(image, document, about),
        ),
    )  # fmt: skip
    translate_page(about, "ar", title="عن الشبكة")
    arabic = translate_page(page, "ar", title="كيف نعمل", introduction=LOREM_AR)
    return page, arabic


def build_news(home):
    index = add_page(
        home, NewsIndexPage(title="News", slug="news", introduction=LOREM_EN)
    )
    image = make_image("Meeting")
    items = [
        add_page(
            index,
            NewsPage(
                title=title,
                slug=f"item-{number}",
                kind=kind,
                introduction=LOREM_EN,
                date=timezone.localdate() - timedelta(days=number),
                listing_image=image if number % 2 == 0 else None,
                body=[("paragraph", RichText(f"<p>{LOREM_EN}</p>"))],
                press_contact_name="Leila Haddad",
                press_contact_email="press@example.org",
                press_contact_phone="+33 1 23 45 67 89",
                boilerplate="The network joins 150 organisations in 34 countries.",
            ),
        )  # fmt: skip
        for number, (title, kind) in enumerate(
            [
                ("Study visit to Thessaloniki's reception centres", "news"),
                ("The network welcomes twelve new members", "press_release"),
                ("New guide on the recognition of qualifications", "news"),
            ]
        )
    ]
    arabic_index = translate_page(index, "ar", title="الأخبار", introduction=LOREM_AR)
    arabic_items = [
        translate_page(item, "ar", title=f"خبر {number}", introduction=LOREM_AR)
        for number, item in enumerate(items, start=1)
    ]
    return {
        "news_index": (index, arabic_index),
        "news_page": (items[0], arabic_items[0]),
        "press_release": (items[1], arabic_items[1]),
    }


def build_events(home, registration_page=None):
    index = add_page(
        home, EventIndexPage(title="Events", slug="events", introduction=LOREM_EN)
    )
    start = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    events = [
        add_page(
            index,
            EventPage(
                title=title,
                slug=f"event-{number}",
                kind=kind,
                starts_at=start + timedelta(days=10 * number + 5),
                ends_at=start + timedelta(days=10 * number + 6, hours=8),
                time_zone="Europe/Athens",
                introduction=LOREM_EN,
                venue="City Hall",
                address="1 Harbour Street",
                city="Thessaloniki",
                country="GR",
                capacity=40,
                online_url="https://meet.example.org/x",
                registration_page=registration_page,
                body=[("paragraph", RichText(f"<p>{LOREM_EN}</p>"))],
            ),
        )  # fmt: skip
        for number, (title, kind) in enumerate(
            [
                ("Annual conference on labour-market inclusion", "conference"),
                ("Study visit: reception in Thessaloniki", "study_visit"),
            ]
        )
    ]
    arabic_index = translate_page(index, "ar", title="الفعاليات", introduction=LOREM_AR)
    arabic_event = translate_page(
        events[0], "ar", title="المؤتمر السنوي للإدماج", introduction=LOREM_AR
    )
    for event in events[1:]:
        translate_page(event, "ar", title="زيارة دراسية", introduction=LOREM_AR)
    return {
        "event_index": (index, arabic_index),
        "event_page": (events[0], arabic_event),
    }


def build_form_page(home):
    page = add_page(
        home,
        FormPage(
            title="Contact us",
            slug="contact",
            introduction=RichText(f"<p>{LOREM_EN}</p>").source,
            thank_you_text="<p>Thank you, we will answer soon.</p>",
            form_fields=[
                FormField(
                    label="Your name",
                    field_type="singleline",
                    required=True,
                    sort_order=0,
                ),
                FormField(
                    label="E-mail",
                    field_type="email",
                    required=True,
                    sort_order=1,
                    help_text="We only use it to answer you.",
                ),
                FormField(
                    label="Topic",
                    field_type="dropdown",
                    sort_order=2,
                    choices="Membership\nEvents\nPress",
                ),
                FormField(
                    label="Message", field_type="multiline", required=True, sort_order=3
                ),
                FormField(
                    label="I agree to be contacted", field_type="checkbox", sort_order=4
                ),
            ],  # fmt: skip
        ),
    )
    arabic = translate_page(page, "ar", title="اتصل بنا")
    return page, arabic
