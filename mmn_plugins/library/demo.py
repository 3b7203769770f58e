"""The e-library's part of the demo network (run by ``manage.py load_demo``).

About eighty resources of every type, spread over the topics, countries and
years, several with French and Arabic versions, a few for members only, with
the small real files of ``fixtures/library/``. Everything is found again by
slug or title, so a second run only checks what exists.
"""

import datetime
import itertools
import logging
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files import File
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale

from mmn_plugins.core.models import Topic

from .models import (
    Access,
    LibraryPage,
    Licence,
    ResourceAuthor,
    ResourceFile,
    ResourcePage,
    ResourceType,
)


logger = logging.getLogger(__name__)

LIBRARY_TITLES = {
    "en": (
        "E-library",
        "Reports, studies, toolkits and papers from across the network.",
    ),
    "fr": ("Bibliothèque", "Rapports, études, boîtes à outils et notes du réseau."),
    "ar": ("المكتبة الإلكترونية", "تقارير ودراسات وأدوات وأوراق من أعضاء الشبكة."),
}
SUBJECTS = [
    (
        "labour market integration",
        "l'intégration sur le marché du travail",
        "الاندماج في سوق العمل",
    ),
    (
        "schooling of newcomer children",
        "la scolarisation des enfants nouvellement arrivés",
        "تعليم الأطفال الوافدين",
    ),
    ("access to health care", "l'accès aux soins", "الوصول إلى الرعاية الصحية"),
    (
        "reception of asylum seekers",
        "l'accueil des demandeurs d'asile",
        "استقبال طالبي اللجوء",
    ),
    (
        "seasonal work in agriculture",
        "le travail saisonnier agricole",
        "العمل الموسمي في الزراعة",
    ),
    (
        "recognition of qualifications",
        "la reconnaissance des qualifications",
        "الاعتراف بالمؤهلات",
    ),
    (
        "local integration strategies",
        "les stratégies locales d'intégration",
        "استراتيجيات الاندماج المحلية",
    ),
    ("diaspora engagement", "l'engagement des diasporas", "إشراك الجاليات"),
]
TITLE_PATTERNS = {
    ResourceType.POLICY_PAPER: (
        "Policy options for {}",
        "Options politiques pour {}",
        "خيارات السياسات بشأن {}",
    ),
    ResourceType.DISCUSSION_PAPER: (
        "Rethinking {}",
        "Repenser {}",
        "إعادة التفكير في {}",
    ),
    ResourceType.REPORT: (
        "Annual report on {}",
        "Rapport annuel sur {}",
        "التقرير السنوي حول {}",
    ),
    ResourceType.STUDY: (
        "A comparative study of {}",
        "Étude comparative sur {}",
        "دراسة مقارنة حول {}",
    ),
    ResourceType.EDUCATIONAL: (
        "Training module: {}",
        "Module de formation : {}",
        "وحدة تدريبية: {}",
    ),
    ResourceType.TOOLKIT: (
        "Toolkit for practitioners: {}",
        "Boîte à outils : {}",
        "دليل عملي: {}",
    ),
    ResourceType.PRESENTATION: ("Slides: {}", "Présentation : {}", "عرض تقديمي: {}"),
    ResourceType.VIDEO: (
        "Voices from the field: {}",
        "Paroles de terrain : {}",
        "أصوات من الميدان: {}",
    ),
    ResourceType.PRESS_KIT: ("Press kit: {}", "Dossier de presse : {}", "ملف صحفي: {}"),
    ResourceType.LEGAL_TEXT: (
        "Legal framework of {}",
        "Cadre juridique de {}",
        "الإطار القانوني لـ{}",
    ),
}
COUNTRIES = ["GR", "IT", "ES", "FR", "MA", "TN", "EG", "LB", "JO", "TR", "MT", "CY"]
AUTHORS = [
    ("Amina", "Haddad"), ("Elena", "Papadaki"), ("Marco", "Bellini"),
    ("Youssef", "Benali"), ("Claire", "Dumont"), ("Leila", "Mansour"),
    ("Javier", "Ortega"), ("Selin", "Demir"), ("Nadia", "Khoury"),
]  # fmt: skip
PUBLISHERS = [
    "Mediterranean Migration Network",
    "Centre for Migration Studies, Athens",
    "Fondazione Integrazione",
    "Observatoire des migrations, Tunis",
]
KEYWORDS = ["integration", "asylum", "labour", "education", "health", "cities",
            "data", "rights", "youth", "women"]  # fmt: skip
RESOURCE_COUNT = 80
MEMBERS_ONLY_COLLECTION = "E-library: members only"


def files_dir():
    configured = getattr(settings, "MMN_LIBRARY_DEMO_FILES_DIR", None)
    if configured:
        return Path(configured)
    return Path(getattr(settings, "BASE_DIR", ".")) / "fixtures" / "library"


def build_library(demo):
    home_pages = demo.home_pages
    library = ensure_library(home_pages)
    existing = set(
        ResourcePage.objects.child_of(library).values_list("slug", flat=True)
    )
    specs = list(resource_specs())
    missing = [spec for spec in specs if spec["slug"] not in existing]
    if not missing:
        demo.log(f"E-library ready: {len(specs)} resources (already there).")
        return

    documents = DemoDocuments(files_dir())
    topics = list(Topic.objects.filter(locale=Locale.get_default()).order_by("slug"))
    translations = {
        code: library.get_translation_or_none(Locale.objects.get(language_code=code))
        for code in home_pages
        if code != library.locale.language_code
    }
    for spec in missing:
        resource = create_resource(library, spec, documents, topics)
        translate_resource(resource, spec, translations)
    demo.log(f"E-library ready: {len(specs)} resources ({len(missing)} added).")


def ensure_library(home_pages):
    home = home_pages["en"]
    library = LibraryPage.objects.child_of(home).filter(slug="library").first()
    if library is None:
        title, introduction = LIBRARY_TITLES["en"]
        library = LibraryPage(title=title, slug="library", introduction=introduction)
        home.add_child(instance=library)
        library.save_revision().publish()
    for code in home_pages:
        if code == "en" or code not in LIBRARY_TITLES:
            continue
        locale = Locale.objects.get(language_code=code)
        if library.get_translation_or_none(locale) is None:
            translation = library.copy_for_translation(locale, copy_parents=True)
            translation.title, translation.introduction = LIBRARY_TITLES[code]
            translation.save_revision().publish()
    return library


def resource_specs():
    """Eighty deterministic descriptions, every type across subjects and years."""
    types = list(ResourceType)
    authors = itertools.cycle(AUTHORS)
    for number in range(RESOURCE_COUNT):
        resource_type = types[number % len(types)]
        subject = SUBJECTS[(number // len(types)) % len(SUBJECTS)]
        patterns = TITLE_PATTERNS[resource_type]
        languages = ["en"]
        if number % 4 == 0:
            languages.append("fr")
        if number % 6 == 0:
            languages.append("ar")
        yield {
            "slug": f"resource-{number + 1:02d}",
            "number": number,
            "type": resource_type,
            "titles": {
                "en": patterns[0].format(subject[0]),
                "fr": patterns[1].format(subject[1]),
                "ar": patterns[2].format(subject[2]),
            },
            "date": datetime.date(2016 + number % 10, 1 + number % 12, 1 + number % 27),
            "countries": [COUNTRIES[number % 12], COUNTRIES[(number * 5 + 3) % 12]],
            "authors": [next(authors) for _ in range(1 + number % 3)],
            "publisher": PUBLISHERS[number % len(PUBLISHERS)],
            "keywords": [KEYWORDS[number % 10], KEYWORDS[(number * 3 + 1) % 10]],
            "languages": languages,
            "members_only": number % 9 == 4,
            "link": resource_type == ResourceType.VIDEO,
        }


class DemoDocuments:
    """The demo's Wagtail documents, made once from ``fixtures/library``."""

    FORMATS = {ResourceType.EDUCATIONAL: "odt", ResourceType.TOOLKIT: "odt",
               ResourceType.PRESS_KIT: "txt"}  # fmt: skip

    def __init__(self, directory):
        self.directory = directory
        self.cache = {}

    def for_resource(self, spec, language):
        extension = self.FORMATS.get(spec["type"], "pdf")
        members_only = spec["members_only"]
        key = (extension, language, members_only)
        if key not in self.cache:
            self.cache[key] = self._document(extension, language, members_only)
        return self.cache[key]

    def _document(self, extension, language, members_only):
        Document = get_document_model()
        suffix = " (members)" if members_only else ""
        title = f"E-library demo {language} {extension}{suffix}"
        document = Document.objects.filter(title=title).first()
        if document is not None:
            return document
        path = self.directory / f"sample-{language}.{extension}"
        if not path.exists():
            logger.warning("Demo file %s is missing; the resource gets none.", path)
            return None
        collection = members_only_collection() if members_only else None
        with path.open("rb") as handle:
            return Document.objects.create(
                title=title,
                file=File(handle, name=path.name),
                collection=collection or Collection.get_first_root_node(),
            )


def members_only_collection():
    """A collection whose documents Wagtail serves to logged-in people only."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=MEMBERS_ONLY_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=MEMBERS_ONLY_COLLECTION)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=CollectionViewRestriction.LOGIN,
        )
        restriction.groups.set(Group.objects.none())
    return collection


def create_resource(library, spec, documents, topics):
    number = spec["number"]
    resource = ResourcePage(
        title=spec["titles"]["en"],
        slug=spec["slug"],
        summary=(
            f"{spec['titles']['en']}: what members of the network found, the "
            "practices that worked, and recommendations for public authorities "
            "and civil society."
        ),
        resource_type=spec["type"],
        countries=spec["countries"],
        publisher=spec["publisher"],
        publication_date=spec["date"],
        licence=[Licence.CC_BY, Licence.CC_BY_NC, Licence.ALL_RIGHTS_RESERVED][
            number % 3
        ],
        access=Access.MEMBERS if spec["members_only"] else Access.PUBLIC,
    )
    for order, language in enumerate(spec["languages"]):
        file = ResourceFile(
            sort_order=order,
            language=language,
            title="" if language == "en" else spec["titles"][language],
        )
        if spec["link"]:
            file.external_url = (
                f"https://video.example.org/mmn/{spec['slug']}/{language}"
            )
        else:
            file.document = documents.for_resource(spec, language)
            if file.document is None:
                continue
        resource.files.add(file)
    for order, (given, family) in enumerate(spec["authors"]):
        resource.authors.add(
            ResourceAuthor(sort_order=order, given_names=given, family_name=family)
        )
    resource.keywords.add(*spec["keywords"])
    if topics:
        resource.topics = [
            topics[number % len(topics)],
            topics[(number * 7 + 2) % len(topics)],
        ]
    # Saved live in one step, without a revision: eighty revisions and
    # publications would make the first load_demo several times slower. The
    # admin edits a page without revisions as it is.
    published_at = timezone.now()
    resource.live = True
    resource.first_published_at = resource.last_published_at = published_at
    library.add_child(instance=resource)
    return resource


def translate_resource(resource, spec, translations):
    """Copy the resource into each library that has its language's version."""
    for code, library in translations.items():
        if library is None or code not in spec["languages"]:
            continue
        translation = resource.copy_for_translation(library.locale)
        translation.title = spec["titles"][code]
        translation.live = True
        translation.first_published_at = resource.first_published_at
        translation.last_published_at = resource.last_published_at
        translation.save()
