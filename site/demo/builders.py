"""Build the demo network from ``fixtures/demo/``.

The texts live in ``fixtures/demo/site.json``, one entry per page with its
translations; the images beside it. Every step reuses what already exists
(pages are found by slug, accounts by e-mail), so running ``load_demo`` again
is fast and changes nothing but the demo passwords.
"""

import datetime
import json
import logging
import zoneinfo

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.urls import Resolver404, resolve
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from accounts.roles import EDITORS, MEMBERS, MODERATORS
from events.models import EventIndexPage, EventPage
from formpages.models import FormField, FormPage
from home.models import HomePage
from mmn_plugins.core.models import Topic
from mmn_plugins.core.registry import DemoContext, run_demo_builders
from news.models import NewsIndexPage, NewsPage
from pages.models import StandardPage

from .translations import ensure_synced_translations


logger = logging.getLogger(__name__)

FIXTURES_DIR = settings.BASE_DIR / "fixtures" / "demo"
SOURCE_LANGUAGE = "en"

DEMO_ACCOUNTS = [
    # (role, e-mail, first name, last name, group)
    ("administrator", "admin@mmn.example.org", "Amina", "Haddad", None),
    ("editor", "editor@mmn.example.org", "Elena", "Papadaki", EDITORS),
    ("moderator", "moderator@mmn.example.org", "Marco", "Bellini", MODERATORS),
    ("member", "member@mmn.example.org", "Youssef", "Benali", MEMBERS),
    ("member2", "member2@mmn.example.org", "Claire", "Dumont", MEMBERS),
]


def build_demo_network(password, stdout, style):
    content = json.loads((FIXTURES_DIR / "site.json").read_text(encoding="utf-8"))
    locales = ensure_locales()
    users = ensure_accounts(password)
    topics = ensure_topics(content["topics"], locales)
    home_pages = ensure_home_pages(content["home"], locales)
    home = home_pages[SOURCE_LANGUAGE]

    ensure_standard_pages(home, content["about"])
    ensure_news(home, content["news"], topics)
    ensure_events(home, content["events"], topics)
    ensure_forms(home, content["forms"])
    stdout.write(f"Site content ready in {len(home_pages)} languages.")

    demo = DemoContext(
        password=password, home_pages=home_pages, users=users, stdout=stdout,
        style=style,
    )  # fmt: skip
    run_demo_builders(demo)
    # After the plugins, which may publish the home pages they were handed.
    ensure_images(home_pages, _load_fixture("images.json"))
    # Once every page and picture is in place: wagtail-localize then records
    # each translation as a synced one (see demo.translations).
    synced = ensure_synced_translations(home)
    if synced:
        stdout.write(f"{synced} translations recorded with wagtail-localize.")

    # Last, so that the sections the plugins just added are in the menus.
    ensure_menus(home, content["menus"])


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def ensure_accounts(password):
    User = get_user_model()
    users = {}
    for role, email, first_name, last_name, group_name in DEMO_ACCOUNTS:
        user, _created = User.objects.get_or_create(
            username=email.split("@")[0],
            defaults={"email": email, "first_name": first_name, "last_name": last_name},
        )
        user.is_superuser = user.is_staff = role == "administrator"
        user.set_password(password)
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        users[role] = user
    return users


def ensure_topics(entries, locales):
    topics = {}
    for entry in entries:
        source = Topic.objects.filter(
            slug=entry["slug"], locale=locales[SOURCE_LANGUAGE]
        ).first() or Topic.objects.create(
            slug=entry["slug"],
            name=entry["name"][SOURCE_LANGUAGE],
            locale=locales[SOURCE_LANGUAGE],
        )
        for language, name in entry["name"].items():
            if language != SOURCE_LANGUAGE and not source.has_translation(
                locales[language]
            ):
                translation = source.copy_for_translation(locales[language])
                translation.name = name
                translation.save()
        topics[entry["slug"]] = source
    return topics


def ensure_home_pages(entry, locales):
    """One home page per language, at the root of the default site."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locales[SOURCE_LANGUAGE]).first()
    if home is None:
        _remove_wagtail_welcome_page(root)
        home = root.add_child(
            instance=HomePage(
                slug="home",
                locale=locales[SOURCE_LANGUAGE],
                **_home_fields(entry[SOURCE_LANGUAGE]),
            )
        )
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": home,
                "site_name": "Mediterranean Migration Network",
            },
        )

    home_pages = {SOURCE_LANGUAGE: home}
    for language, fields in entry.items():
        if language != SOURCE_LANGUAGE:
            home_pages[language] = _ensure_translation(
                home, locales[language], _home_fields(fields)
            )
    return home_pages


def _home_fields(fields):
    return {
        "title": fields["title"],
        "hero_title": fields["hero_title"],
        "hero_text": fields["hero_text"],
        "figures": [
            ("figure", {"number": number, "label": label})
            for number, label in fields.get("figures", [])
        ],
    }


def _remove_wagtail_welcome_page(root):
    """Delete the placeholder page a new Wagtail database starts with.

    Its site goes with it (a site cannot outlive its root page); the demo makes
    a new default site for the home page.
    """
    for page in root.get_children().filter(content_type__model="page"):
        if not page.get_children().exists():
            page.delete()


def _ensure_translation(source, locale, fields):
    """Return ``source`` translated into ``locale``, creating it when missing."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = source.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def _ensure_child(parent, page_class, slug, fields, publish=True):
    existing = page_class.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = parent.add_child(instance=page_class(slug=slug, **fields))
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page, True


def _body(paragraphs):
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


def _translate_entry(source, entry, field_builder):
    for language, fields in entry.items():
        if language in {code for code, _name in settings.LANGUAGES} and (
            language != SOURCE_LANGUAGE
        ):
            locale = Locale.objects.get(language_code=language)
            _ensure_translation(source, locale, field_builder(fields))


def ensure_standard_pages(home, entries):
    pages = {}
    for entry in entries:
        fields = _standard_fields(entry[SOURCE_LANGUAGE])
        page, _created = _ensure_child(home, StandardPage, entry["slug"], fields)
        _translate_entry(page, entry, _standard_fields)
        pages[entry["slug"]] = page
    return pages


def _standard_fields(fields):
    return {
        "title": fields["title"],
        "introduction": fields.get("introduction", ""),
        "body": _body(fields.get("body", [])),
    }


def ensure_news(home, entry, topics):
    index, _created = _ensure_child(
        home, NewsIndexPage, entry["slug"], _index_fields(entry[SOURCE_LANGUAGE])
    )
    _translate_entry(index, _languages_only(entry), _index_fields)

    today = timezone.localdate()
    for item in entry["items"]:

        def fields_for(text, item=item):
            return {
                "title": text["title"],
                "introduction": text.get("introduction", ""),
                "body": _body(text.get("body", [])),
                "boilerplate": text.get("boilerplate", ""),
            }

        base = fields_for(item[SOURCE_LANGUAGE])
        base.update(
            kind=item.get("kind", "news"),
            date=today - datetime.timedelta(days=item.get("days_ago", 0)),
            press_contact_name=item.get("press_contact_name", ""),
            press_contact_email=item.get("press_contact_email", ""),
            press_contact_phone=item.get("press_contact_phone", ""),
        )
        if "embargo_days" in item:
            # A press release under embargo: scheduled, published by the
            # scheduler (publish_scheduled) when the day comes.
            base["go_live_at"] = timezone.now() + datetime.timedelta(
                days=item["embargo_days"]
            )
        page, created = _ensure_child(index, NewsPage, item["slug"], base)
        if created and item.get("topics"):
            page.topics.set([topics[slug] for slug in item["topics"]])
            page.save_revision().publish()
        _translate_entry(page, item, fields_for)
    return index


def _index_fields(fields):
    return {"title": fields["title"], "introduction": fields.get("introduction", "")}


def _languages_only(entry):
    languages = {code for code, _name in settings.LANGUAGES}
    return {key: value for key, value in entry.items() if key in languages}


def ensure_events(home, entry, topics):
    index, _created = _ensure_child(
        home, EventIndexPage, entry["slug"], _index_fields(entry[SOURCE_LANGUAGE])
    )
    _translate_entry(index, _languages_only(entry), _index_fields)

    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for item in entry["items"]:

        def fields_for(text):
            return {
                "title": text["title"],
                "introduction": text.get("introduction", ""),
                "body": _body(text.get("body", [])),
            }

        time_zone = item.get("time_zone", "Europe/Brussels")
        starts_at = _event_start(
            now, item["in_days"], item.get("local_time"), time_zone
        )
        base = fields_for(item[SOURCE_LANGUAGE])
        base.update(
            kind=item["kind"],
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=item.get("hours", 3)),
            time_zone=time_zone,
            venue=item.get("venue", ""),
            address=item.get("address", ""),
            city=item.get("city", ""),
            country=item.get("country", ""),
            online_url=item.get("online_url", ""),
            capacity=item.get("capacity"),
            registration_url=item.get("registration_url", ""),
        )
        page, created = _ensure_child(index, EventPage, item["slug"], base)
        if created and item.get("topics"):
            page.topics.set([topics[slug] for slug in item["topics"]])
            page.save_revision().publish()
        _translate_entry(page, item, fields_for)
    return index


def _event_start(now, in_days, local_time, time_zone):
    """``in_days`` from now, at ``local_time`` ("09:30") in the event's zone."""
    if not local_time:
        return now + datetime.timedelta(days=in_days)
    zone = zoneinfo.ZoneInfo(time_zone)
    day = timezone.localdate(now, zone) + datetime.timedelta(days=in_days)
    hour, minute = (int(part) for part in local_time.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def ensure_forms(home, entries):
    pages = {}
    for entry in entries:
        text = entry[SOURCE_LANGUAGE]
        page, created = _ensure_child(
            home,
            FormPage,
            entry["slug"],
            {
                "title": text["title"],
                "introduction": f"<p>{text['introduction']}</p>",
                "thank_you_text": f"<p>{text['thank_you']}</p>",
                "to_address": entry.get("to_address", ""),
                "from_address": "noreply@mmn.example.org",
                "subject": text["title"],
            },
            publish=False,
        )
        if created:
            for order, field in enumerate(entry["fields"]):
                FormField.objects.create(
                    page=page,
                    sort_order=order,
                    label=field["label"],
                    field_type=field["type"],
                    required=field.get("required", True),
                    choices=field.get("choices", ""),
                    help_text=field.get("help_text", ""),
                )
            page.save_revision().publish()
        pages[entry["slug"]] = page
    return pages


def ensure_menus(home, entry):
    """The main menu and the footer menu, linking the English pages.

    The menus follow the reader's language: the site's menu tag shows each
    linked page's translation. A section that is missing (its plugin is not
    installed) is left out; one added since the last run is appended.
    """
    site = home.get_site()
    pages_by_slug = {
        page.slug: page
        for page in Page.objects.child_of(home).filter(locale_id=home.locale_id)
    }
    main_menu = MainMenu.get_for_site(site)
    footer, _created = FlatMenu.objects.get_or_create(
        site=site, handle="footer", defaults={"title": "Footer"}
    )
    for menu, item_class, slugs in [
        (main_menu, MainMenuItem, entry["main"]),
        (footer, FlatMenuItem, entry["footer"]),
    ]:
        linked = set(
            item_class.objects.filter(menu=menu).values_list("link_page", flat=True)
        )
        linked_urls = set(
            item_class.objects.filter(menu=menu).values_list("link_url", flat=True)
        )
        for order, slug in enumerate(slugs):
            page = pages_by_slug.get(slug)
            if page is not None and page.pk not in linked:
                item_class.objects.create(menu=menu, link_page=page, sort_order=order)
            url = _plugin_section_url(slug) if page is None else None
            if url and url not in linked_urls:
                item_class.objects.create(
                    menu=menu, link_url=url, link_text=slug.capitalize(),
                    sort_order=order,
                )  # fmt: skip


def _plugin_section_url(slug):
    """The address of a plugin's section that is not a page (the forum), if any.

    The menu tag turns it into the reader's language prefix.
    """
    path = f"/{SOURCE_LANGUAGE}/{slug}/"
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return None if match.url_name == "wagtail_serve" else path


def _load_fixture(name):
    return json.loads((FIXTURES_DIR / name).read_text(encoding="utf-8"))


def ensure_images(home_pages, manifest):
    """Give the home pages their hero image and news and events their pictures.

    ``fixtures/demo/images.json`` names each picture (drawn by
    ``fixtures/demo/make_images.py``) and the page it belongs to, by slug; every
    translation of a page shows the same picture. A page that already has its
    picture is left alone, so a second run saves nothing.
    """
    # Fresh from the database: the objects built earlier in the run may be out
    # of date (a translation published through its revision still says it is
    # not live).
    hero = _manifest_image(manifest["home"]["hero"])
    homes = HomePage.objects.filter(pk__in=[page.pk for page in home_pages.values()])
    for home in homes:
        _set_page_image(home, "hero_image", hero)

    source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    for page_class, section in [(NewsPage, "news"), (EventPage, "events")]:
        entries = manifest[section]
        sources = page_class.objects.filter(locale=source_locale, slug__in=entries)
        for source in sources:
            image = _manifest_image(entries[source.slug])
            for page in source.get_translations(inclusive=True).specific():
                _set_page_image(page, "listing_image", image)


def _manifest_image(entry):
    return get_or_create_image(entry["file"], entry["title"])


def _set_page_image(page, field_name, image):
    if getattr(page, f"{field_name}_id") == image.pk:
        return
    if page.live:
        setattr(page, field_name, image)
        page.save_revision().publish()
        return

    # A draft or an embargoed press release keeps its state and its schedule:
    # the picture goes into the revision that will be published.
    waiting = page.scheduled_revision or page.get_latest_revision()
    if waiting is not None:
        waiting.content[field_name] = image.pk
        waiting.save(update_fields=["content"])
    type(page).objects.filter(pk=page.pk).update(**{field_name: image})


def get_or_create_image(filename, title):
    """A Wagtail image from ``fixtures/demo/images``, found again by its title."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        with open(FIXTURES_DIR / "images" / filename, "rb") as handle:
            image = Image.objects.create(
                title=title, file=ImageFile(handle, name=filename)
            )
    return image
