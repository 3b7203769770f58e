"""The directory's part of the demo network (``manage.py load_demo``).

About 150 invented organisations from 34 countries of Europe and the
Mediterranean, of every type, with their people and focal points, four
working groups, and applications in each state. Everything is generated from
a fixed seed, so every run plans the same records; records that exist are
found by slug or e-mail and left alone, so a second run creates nothing and
takes a few queries.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from .models import (
    ApplicationEvent,
    ApplicationStatus,
    DirectoryPage,
    Language,
    MembershipApplication,
    Organisation,
    OrganisationDescription,
    OrganisationType,
    Person,
    Role,
    Topic,
    Visibility,
    WorkingGroup,
    WorkingGroupDescription,
    WorkingGroupFocalPoint,
)


SEED = 2026
ORGANISATION_COUNT = 150
DEMO_EMAIL_DOMAIN = "members.example.org"

PAGE_TEXTS = {
    "en": ("Members", "The organisations of the network: who they are, where they "
           "work and on what.", "Tell us about your organisation. The network's "
           "moderators review every application."),
    "fr": ("Membres", "Les organisations du réseau : qui elles sont, où et sur quoi "
           "elles travaillent.", "Présentez votre organisation. Les modérateurs du "
           "réseau examinent chaque candidature."),
    "ar": ("الأعضاء", "منظمات الشبكة: من هي، وأين تعمل، وعلى ماذا.",
           "عرّفونا بمنظمتكم. يراجع مشرفو الشبكة كل طلب."),
}  # fmt: skip

TYPES = [
    # slug, English, French, Arabic, words used in invented names
    ("public-institution", "Public institution", "Institution publique",
     "مؤسسة عامة", ["Municipal Office", "Public Agency", "Regional Service"]),
    ("ngo-platform-network", "NGO, platform or network", "ONG, plateforme ou réseau",
     "منظمة غير حكومية أو منصة أو شبكة", ["Association", "Network", "Collective"]),
    ("international-organisation", "International organisation",
     "Organisation internationale", "منظمة دولية",
     ["Regional Office", "International Bureau"]),
    ("academia", "Academia", "Monde académique", "الأوساط الأكاديمية",
     ["Institute", "Research Centre", "University Lab"]),
    ("consultancy-firm", "Consultancy firm", "Cabinet de conseil", "شركة استشارية",
     ["Consulting", "Partners"]),
]  # fmt: skip

# Thirty-four countries, each with cities the invented organisations sit in.
COUNTRIES = {
    "FR": ["Marseille", "Lyon"], "IT": ["Palermo", "Turin"],
    "ES": ["Valencia", "Seville"],
    "PT": ["Lisbon", "Porto"], "GR": ["Thessaloniki", "Athens"], "MT": ["Valletta"],
    "CY": ["Nicosia", "Limassol"], "HR": ["Split", "Zagreb"], "SI": ["Ljubljana"],
    "AL": ["Tirana", "Durrës"], "ME": ["Podgorica"], "BA": ["Sarajevo", "Mostar"],
    "RS": ["Belgrade", "Novi Sad"], "MK": ["Skopje"], "BG": ["Sofia", "Plovdiv"],
    "RO": ["Bucharest", "Cluj-Napoca"], "TR": ["Izmir", "Gaziantep"],
    "DE": ["Hamburg", "Leipzig"], "AT": ["Vienna", "Graz"], "BE": ["Brussels", "Liège"],
    "NL": ["Rotterdam", "Utrecht"], "LU": ["Luxembourg"], "SE": ["Malmö", "Gothenburg"],
    "IE": ["Dublin", "Cork"], "PL": ["Gdańsk", "Kraków"], "HU": ["Budapest", "Szeged"],
    "MA": ["Tangier", "Rabat"], "DZ": ["Oran", "Algiers"], "TN": ["Sfax", "Tunis"],
    "LY": ["Benghazi", "Tripoli"], "EG": ["Alexandria", "Cairo"],
    "LB": ["Beirut", "Tripoli"], "JO": ["Amman", "Irbid"], "PS": ["Ramallah", "Nablus"],
}  # fmt: skip

COUNTRY_LANGUAGES = {
    "FR": "fr", "IT": "it", "ES": "es", "PT": "pt", "GR": "el", "MT": "mt", "CY": "el",
    "HR": "hr", "SI": "sl", "AL": "sq", "ME": "sr", "BA": "bs", "RS": "sr", "MK": "mk",
    "BG": "bg", "RO": "ro", "TR": "tr", "DE": "de", "AT": "de", "BE": "fr", "NL": "nl",
    "LU": "fr", "SE": "sv", "IE": "ga", "PL": "pl", "HU": "hu", "MA": "ar", "DZ": "ar",
    "TN": "ar", "LY": "ar", "EG": "ar", "LB": "ar", "JO": "ar", "PS": "ar",
}  # fmt: skip

NAME_FIRST_PARTS = [
    "Azure", "Olive", "Harbour", "Cedar", "Lantern", "Saffron", "Meridian", "Compass",
    "Tidewater", "Mosaic", "Juniper", "Pelican", "Almond", "Beacon", "Coral", "Fennel",
    "Halcyon", "Jasmine", "Lighthouse", "Mistral", "Orchard", "Pomegranate", "Sirocco",
    "Terrace", "Wayfarer",
]  # fmt: skip
NAME_SECOND_PARTS = [
    "Bridges", "Horizons", "Crossings", "Shores", "Paths", "Welcome", "Roots",
    "Voices", "Harbours", "Thresholds",
]  # fmt: skip
FIRST_NAMES = [
    "Amal", "Bruno", "Chiara", "Dimitra", "Emre", "Fatima", "Goran", "Hana", "Ines",
    "Jonas", "Karim", "Lucía", "Mehdi", "Nadia", "Omar", "Petra", "Rania", "Sofia",
    "Tomás", "Yasmin", "Zeynep", "Aleksandar", "Brigid", "Leila", "Matteo", "Noor",
]  # fmt: skip
LAST_NAMES = [
    "Abadi", "Bianchi", "Costa", "Dragan", "Eriksson", "Farouk", "Garcia", "Haddad",
    "Ivanova", "Janssen", "Kaya", "Lambert", "Mansour", "Novak", "Ortega", "Papas",
    "Quinn", "Rossi", "Saleh", "Tahiri", "Vella", "Weber", "Yilmaz", "Zammit",
]  # fmt: skip

WORKING_GROUPS = [
    ("reception-and-first-welcome", "Reception and first welcome",
     "Practices of reception at arrival points and in the first months."),
    ("labour-market-inclusion", "Labour market inclusion",
     "Recognition of skills, language learning for work and fair recruitment."),
    ("education-and-youth", "Education and youth",
     "Schooling of newcomer children and support for unaccompanied minors."),
    ("local-integration-policy", "Local integration policy",
     "How cities and regions plan and measure integration."),
]  # fmt: skip

APPLICATIONS = [
    # status, organisation name, applicant, e-mail, country, city
    (ApplicationStatus.SUBMITTED, "Quayside Welcome Circle (fictional)",
     "Selma Aydin", "selma.aydin@applicants.example.org", "TR", "Mersin"),
    (ApplicationStatus.INFORMATION_REQUESTED, "Olive Grove Learning Hub (fictional)",
     "Marta Kovač", "marta.kovac@applicants.example.org", "HR", "Rijeka"),
    (ApplicationStatus.APPROVED, None,
     "Paolo Greco", "paolo.greco@applicants.example.org", "IT", "Bari"),
    (ApplicationStatus.REJECTED, "Sunset Relocation Services Ltd (fictional)",
     "Derek Hale", "derek.hale@applicants.example.org", "GB", "Leeds"),
]  # fmt: skip


def _seeded(seed):
    # Demo data must come out the same on every run; nothing here is secret.
    return random.Random(seed)  # noqa: S311


def build_demo_directory(demo):
    with transaction.atomic():
        page = ensure_directory_page(demo.home_pages)
        types = ensure_types()
        plans = plan_organisations(types)
        created = ensure_organisations(plans)
        ensure_demo_accounts_roles(demo.users, plans)
        groups = ensure_working_groups(plans)
        applications = ensure_applications(types, plans, demo.users)
    demo.log(
        f"Directory ready at /{page.locale.language_code}/{page.slug}/: "
        f"{Organisation.objects.count()} organisations ({created} new), "
        f"{groups} working groups, {applications} applications."
    )


def ensure_directory_page(home_pages):
    home = home_pages["en"]
    page = DirectoryPage.objects.child_of(home).filter(slug="members").first()
    if page is None:
        title, introduction, application_introduction = PAGE_TEXTS["en"]
        page = home.add_child(
            instance=DirectoryPage(
                title=title, slug="members", introduction=introduction,
                application_introduction=application_introduction,
            )
        )  # fmt: skip
        page.save_revision().publish()

    for language, home_page in home_pages.items():
        if language == "en" or page.has_translation(home_page.locale):
            continue
        title, introduction, application_introduction = PAGE_TEXTS.get(
            language, PAGE_TEXTS["en"]
        )
        translation = page.copy_for_translation(home_page.locale, copy_parents=True)
        translation.title = title
        translation.introduction = introduction
        translation.application_introduction = application_introduction
        translation.save_revision().publish()
    return page


def ensure_types():
    default_locale = Locale.get_default()
    types = {}
    for slug, english, french, arabic, _words in TYPES:
        kind, _created = OrganisationType.objects.get_or_create(
            slug=slug, locale=default_locale,
            defaults={"name": english, "sort_order": len(types) * 10},
        )  # fmt: skip
        for language, name in [("fr", french), ("ar", arabic)]:
            locale = Locale.objects.filter(language_code=language).first()
            if locale is not None and not kind.has_translation(locale):
                translation = kind.copy_for_translation(locale)
                translation.name = name
                translation.save()
        types[slug] = kind
    return types


def plan_organisations(types):
    """The demo's organisations, the same ones on every run (seeded)."""
    rng = _seeded(SEED)
    codes = list(COUNTRIES)
    type_slugs = [entry[0] for entry in TYPES]
    plans, slugs = [], set()
    for number in range(ORGANISATION_COUNT):
        # Every country and every type appear; the rest is drawn at random.
        country = codes[number] if number < len(codes) else rng.choice(codes)
        type_entry = TYPES[number % len(TYPES)]
        name = (
            f"{rng.choice(NAME_FIRST_PARTS)} {rng.choice(NAME_SECOND_PARTS)} "
            f"{rng.choice(type_entry[4])}"
        )
        slug = slugify(name)
        while slug in slugs:
            name = f"{name} {rng.choice(COUNTRIES[country])}"
            slug = slugify(f"{name}-{number}")
        slugs.add(slug)
        plans.append(
            {
                "number": number,
                "name": name,
                "slug": slug,
                "type": types[type_slugs[number % len(type_slugs)]],
                "country": country,
                "city": rng.choice(COUNTRIES[country]),
                "year": rng.randint(2009, 2025),
                "languages": sorted(
                    {
                        "en",
                        COUNTRY_LANGUAGES[country],
                        rng.choice(["fr", "ar", "it", "es"]),
                    }
                ),
                "topic_count": rng.randint(1, 3),
                "people": rng.randint(1, 3),
                "status": "former" if number % 37 == 36 else "active",
                "rng_state": rng.random(),
            }
        )
    return plans


def ensure_organisations(plans):
    existing = set(
        Organisation.objects.filter(
            slug__in=[plan["slug"] for plan in plans]
        ).values_list("slug", flat=True)
    )
    missing = [plan for plan in plans if plan["slug"] not in existing]
    if not missing:
        return 0

    topics = list(Topic.objects.filter(locale=Locale.get_default()).order_by("pk"))
    languages = {language.code: language for language in Language.objects.all()}
    organisations = Organisation.objects.bulk_create(
        [_organisation(plan) for plan in missing]
    )
    if not organisations[0].pk:  # Backends that do not return primary keys.
        organisations = list(
            Organisation.objects.filter(
                slug__in=[plan["slug"] for plan in missing]
            ).order_by("pk")
        )
    by_slug = {organisation.slug: organisation for organisation in organisations}

    descriptions, topic_links, language_links = [], [], []
    for plan in missing:
        organisation = by_slug[plan["slug"]]
        rng = _seeded(plan["rng_state"])
        chosen_topics = rng.sample(topics, min(plan["topic_count"], len(topics)))
        descriptions.append(
            OrganisationDescription(
                organisation=organisation,
                language="en",
                text=_description(plan, chosen_topics),
            )
        )
        topic_links += [
            Organisation.topics.through(organisation=organisation, topic=topic)
            for topic in chosen_topics
        ]
        language_links += [
            Organisation.languages.through(
                organisation=organisation, language=languages[code]
            )
            for code in plan["languages"]
            if code in languages
        ]
    OrganisationDescription.objects.bulk_create(descriptions)
    Organisation.topics.through.objects.bulk_create(topic_links)
    Organisation.languages.through.objects.bulk_create(language_links)
    _create_people(missing, by_slug)
    return len(missing)


def _organisation(plan):
    return Organisation(
        name=plan["name"],
        slug=plan["slug"],
        organisation_type=plan["type"],
        head_office_country=plan["country"],
        countries=[plan["country"]],
        city=plan["city"],
        website=f"https://{plan['slug']}.example.org/",
        public_email=f"contact@{plan['slug']}.example.org",
        year_joined=plan["year"],
        status=plan["status"],
        looking_for_partners=(
            "Partners for an exchange of practices next year."
            if plan["number"] % 3 == 0
            else ""
        ),
        created_at=timezone.now() - datetime.timedelta(days=plan["number"]),
    )


def _description(plan, topics):
    topic_names = ", ".join(topic.name.lower() for topic in topics) or "integration"
    return (
        f"{plan['name']} is an invented organisation of the demo network, based in "
        f"{plan['city']}. It works on {topic_names}.\n\n"
        "Nothing about it is real: it shows how a member's profile looks."
    )


def _create_people(plans, by_slug):
    """One focal point and up to two colleagues per organisation, all invented."""
    User = get_user_model()
    accounts = []
    for plan in plans:
        for index in range(plan["people"]):
            first, last = _person_name(plan["number"], index)
            local_part = f"{slugify(first)}.{slugify(last)}.{plan['number']}-{index}"
            email = f"{local_part}@{DEMO_EMAIL_DOMAIN}"
            user = User(
                username=f"demo-{plan['number']}-{index}", email=email,
                first_name=first, last_name=last,
            )  # fmt: skip
            user.set_unusable_password()  # Demo people cannot log in.
            accounts.append((plan, index, user))
    User.objects.bulk_create([user for _plan, _index, user in accounts])
    users = {
        user.username: user
        for user in User.objects.filter(
            username__in=[user.username for _plan, _index, user in accounts]
        )
    }

    people = []
    for _plan, index, account in accounts:
        user = users[account.username]
        people.append(
            Person(
                user=user,
                name=f"{user.first_name} {user.last_name}",
                job_title=["Director", "Project officer", "Researcher"][index % 3],
                bio="An invented person of the demo network.",
                email=user.email,
                email_visibility=[Visibility.PUBLIC, Visibility.MEMBERS][index % 2],
                phone="+00 000 000 000",
                phone_visibility=Visibility.HIDDEN,
            )
        )
    Person.objects.bulk_create(people)
    people_by_user = {
        person.user_id: person
        for person in Person.objects.filter(user__in=list(users.values()))
    }
    Role.objects.bulk_create(
        [
            Role(
                organisation=by_slug[plan["slug"]],
                person=people_by_user[users[account.username].pk],
                kind=Role.Kind.FOCAL_POINT if index == 0 else Role.Kind.STAFF,
                starts_on=datetime.date(plan["year"], 1, 1),
            )
            for plan, index, account in accounts
        ]
    )


def _person_name(number, index):
    rng = _seeded(SEED + number * 10 + index)
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


def ensure_demo_accounts_roles(users, plans):
    """The demo member is a focal point; the second member is staff elsewhere."""
    for role_name, plan, kind in [
        ("member", plans[0], Role.Kind.FOCAL_POINT),
        ("member2", plans[1], Role.Kind.STAFF),
    ]:
        user = users.get(role_name)
        if user is None:
            continue
        person, _created = Person.objects.get_or_create(
            user=user,
            defaults={"name": user.get_full_name() or user.get_username(),
                      "email": user.email, "job_title": "Programme coordinator"},
        )  # fmt: skip
        organisation = Organisation.objects.get(slug=plan["slug"])
        Role.objects.get_or_create(
            person=person, organisation=organisation, kind=kind,
            defaults={"starts_on": datetime.date(2020, 1, 1)},
        )  # fmt: skip


def ensure_working_groups(plans):
    slugs = [plan["slug"] for plan in plans]
    organisations = list(Organisation.objects.filter(slug__in=slugs).order_by("pk"))
    topics = list(Topic.objects.filter(locale=Locale.get_default()).order_by("pk"))
    for number, (slug, name, description) in enumerate(WORKING_GROUPS):
        if WorkingGroup.objects.filter(slug=slug).exists():
            continue
        members = organisations[number::7][:12]
        group = WorkingGroup.objects.create(
            name=name, slug=slug, coordinating_organisation=members[0],
            topic=topics[number % len(topics)] if topics else None,
        )  # fmt: skip
        group.member_organisations.set(members)
        WorkingGroupDescription.objects.create(
            working_group=group, language="en", text=description
        )
        focal_points = Person.objects.filter(
            roles__organisation__in=members[:2], roles__kind=Role.Kind.FOCAL_POINT
        )
        WorkingGroupFocalPoint.objects.bulk_create(
            [
                WorkingGroupFocalPoint(
                    working_group=group,
                    person=person,
                    starts_on=datetime.date(2024, 1, 1),
                )
                for person in focal_points
            ]
        )
    return len(WORKING_GROUPS)


def ensure_applications(types, plans, users):
    moderator = users.get("moderator")
    for status, name, applicant, email, country, city in APPLICATIONS:
        if MembershipApplication.objects.filter(applicant_email=email).exists():
            continue
        approved_organisation = None
        if status == ApplicationStatus.APPROVED:
            approved_organisation = Organisation.objects.get(slug=plans[2]["slug"])
            name = approved_organisation.name
        application = MembershipApplication.objects.create(
            status=status,
            organisation_name=name,
            organisation_type=types["ngo-platform-network"],
            head_office_country=country,
            city=city,
            description="An invented applicant of the demo network.",
            applicant_name=applicant,
            applicant_email=email,
            applicant_job_title="Coordinator",
            applicant_language="en",
            motivation="We would like to exchange practices with the members.",
            consent_given_at=timezone.now(),
            organisation=approved_organisation,
        )
        ApplicationEvent.objects.create(
            application=application, to_status=ApplicationStatus.SUBMITTED
        )
        if status != ApplicationStatus.SUBMITTED:
            ApplicationEvent.objects.create(
                application=application,
                from_status=ApplicationStatus.SUBMITTED,
                to_status=status,
                actor=moderator,
                message={
                    ApplicationStatus.INFORMATION_REQUESTED: (
                        "Could you tell us about your recent projects?"
                    ),
                    ApplicationStatus.APPROVED: "Welcome to the network.",
                    ApplicationStatus.REJECTED: (
                        "The network admits organisations working on migration only."
                    ),
                }[status],
            )
    return len(APPLICATIONS)
