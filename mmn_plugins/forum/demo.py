"""The forum's part of the demo network (run by ``load_demo``; safe to run twice).

Two categories: the network's themes, open to every reader, and the working
groups, each with a private forum for its own auth group. Topics and replies
come from the demo members, in several languages.
"""

from django.contrib.auth.models import Group
from machina.core.db.models import get_model

from .models import ForumTranslation
from .permissions import install_default_permissions, make_private
from .posting import reply, start_topic


Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")

THEMES = {
    "en": ("Themes of the network", "Open to every reader; members write."),
    "fr": ("Thèmes du réseau", "Ouvert à tous les lecteurs ; les membres écrivent."),
    "ar": ("محاور الشبكة", "مفتوح لجميع القراء، ويكتب فيه الأعضاء."),
    "el": ("Θεματικές του δικτύου", "Ανοιχτό σε όλους· γράφουν τα μέλη."),
    "it": ("Temi della rete", "Aperto a tutti i lettori; scrivono i membri."),
    "es": ("Temas de la red", "Abierto a todos los lectores; escriben los miembros."),
}
WORKING_GROUPS = {
    "en": ("Working groups", "Private forums of the network's working groups."),
    "fr": ("Groupes de travail", "Forums privés des groupes de travail du réseau."),
    "ar": ("مجموعات العمل", "منتديات خاصة بمجموعات عمل الشبكة."),
    "el": ("Ομάδες εργασίας", "Ιδιωτικά φόρουμ των ομάδων εργασίας του δικτύου."),
    "it": ("Gruppi di lavoro", "Forum privati dei gruppi di lavoro della rete."),
    "es": ("Grupos de trabajo", "Foros privados de los grupos de trabajo de la red."),
}
PUBLIC_FORUMS = [
    {
        "en": ("Integration policy", "Local and national integration strategies."),
        "fr": ("Politiques d'intégration", "Stratégies locales et nationales."),
        "ar": ("سياسات الإدماج", "استراتيجيات الإدماج المحلية والوطنية."),
        "el": ("Πολιτική ένταξης", "Τοπικές και εθνικές στρατηγικές ένταξης."),
        "it": ("Politiche di integrazione", "Strategie locali e nazionali."),
        "es": ("Políticas de integración", "Estrategias locales y nacionales."),
    },
    {
        "en": ("Education", "Schooling, language courses, recognition of diplomas."),
        "fr": (
            "Éducation",
            "Scolarité, langues et reconnaissance des diplômes.",
        ),
        "ar": ("التعليم", "التمدرس ودروس اللغة والاعتراف بالشهادات."),
        "el": ("Εκπαίδευση", "Σχολείο, μαθήματα γλώσσας, αναγνώριση πτυχίων."),
        "it": ("Istruzione", "Scuola, corsi di lingua e riconoscimento dei titoli."),
        "es": ("Educación", "Escolarización, cursos de idiomas y convalidación."),
    },
    {
        "en": ("Health", "Access to care and mental health support."),
        "fr": ("Santé", "Accès aux soins et soutien psychologique."),
        "ar": ("الصحة", "الوصول إلى الرعاية والدعم النفسي."),
        "el": ("Υγεία", "Πρόσβαση στη φροντίδα και ψυχική υγεία."),
        "it": ("Salute", "Accesso alle cure e salute mentale."),
        "es": ("Salud", "Acceso a la atención y salud mental."),
    },
    {
        "en": ("Labour", "Work permits, skills and fair recruitment."),
        "fr": ("Travail", "Permis de travail, compétences et recrutement équitable."),
        "ar": ("العمل", "تصاريح العمل والمهارات والتوظيف العادل."),
        "el": ("Εργασία", "Άδειες εργασίας, δεξιότητες, δίκαιη πρόσληψη."),
        "it": ("Lavoro", "Permessi di lavoro, competenze e reclutamento equo."),
        "es": ("Trabajo", "Permisos de trabajo, competencias y contratación justa."),
    },
    {
        "en": ("Legal aid", "Asylum procedures, residence and legal counselling."),
        "fr": ("Aide juridique", "Asile, séjour et conseil juridique."),
        "ar": ("المساعدة القانونية", "إجراءات اللجوء والإقامة والاستشارة القانونية."),
        "el": ("Νομική συνδρομή", "Άσυλο, διαμονή και νομική συμβουλευτική."),
        "it": ("Assistenza legale", "Asilo, soggiorno e consulenza legale."),
        "es": ("Asistencia jurídica", "Asilo, residencia y asesoría jurídica."),
    },
]
PRIVATE_FORUMS = [
    (
        "Working group: Labour mobility",
        {
            "en": ("Labour mobility", "Private to the working group."),
            "fr": ("Mobilité de la main-d'œuvre", "Réservé au groupe de travail."),
            "ar": ("تنقل اليد العاملة", "خاص بمجموعة العمل."),
            "el": ("Κινητικότητα εργαζομένων", "Μόνο για την ομάδα εργασίας."),
            "it": ("Mobilità del lavoro", "Riservato al gruppo di lavoro."),
            "es": ("Movilidad laboral", "Reservado al grupo de trabajo."),
        },
    ),
    (
        "Working group: Unaccompanied minors",
        {
            "en": ("Unaccompanied minors", "Private to the working group."),
            "fr": ("Mineurs non accompagnés", "Réservé au groupe de travail."),
            "ar": ("القاصرون غير المصحوبين", "خاص بمجموعة العمل."),
            "el": ("Ασυνόδευτοι ανήλικοι", "Μόνο για την ομάδα εργασίας."),
            "it": ("Minori non accompagnati", "Riservato al gruppo di lavoro."),
            "es": ("Menores no acompañados", "Reservado al grupo de trabajo."),
        },
    ),
]
# (forum's English name, subject, [(author role, text), ...]); the first is the topic.
CONVERSATIONS = [
    (
        "Integration policy",
        "Local integration plans: who has one that works?",
        [
            (
                "member",
                "Our city is drafting its first **local integration plan**. "
                "Which plans in the network set measurable goals, and how do you "
                "follow them up?",
            ),
            (
                "member2",
                "À Marseille, le plan fixe trois objectifs chiffrés "
                "(logement, emploi, langue) revus chaque année avec les associations.",
            ),
            (
                "moderator",
                "Thanks both. The e-library has the 2024 comparison of "
                "local plans; it is a good starting point.",
            ),
        ],
    ),
    (
        "Education",
        "تعليم اللغة للكبار: تجارب ناجحة",
        [
            (
                "member",
                "نبحث عن تجارب ناجحة في تعليم اللغة للكبار الوافدين حديثًا. "
                "ما الذي نجح لديكم؟",
            ),
            (
                "member2",
                "Chez nous, les cours du soir avec garde d'enfants ont "
                "doublé la participation des femmes.",
            ),
        ],
    ),
    (
        "Health",
        "Salud mental de personas solicitantes de asilo",
        [
            (
                "member2",
                "¿Alguien tiene experiencia con grupos de apoyo entre "
                "pares en centros de acogida?",
            ),
            (
                "member",
                "Yes: peer groups run with a psychologist once a month "
                "worked well in our reception centre.",
            ),
        ],
    ),
    (
        "Labour",
        "Recognition of skills without diplomas",
        [
            (
                "member",
                "How do your countries recognise skills of workers who "
                "arrive without papers for their training?",
            ),
            (
                "member2",
                "In Italia esistono bilanci di competenze presso i "
                "centri per l'impiego, ma sono poco conosciuti.",
            ),
            (
                "member",
                "Στην Ελλάδα ξεκίνησε πιλοτικό πρόγραμμα πιστοποίησης "
                "δεξιοτήτων το 2025.",
            ),
        ],
    ),
    (
        "Legal aid",
        "Aide juridique gratuite : modèles de permanence",
        [
            (
                "member2",
                "Nous organisons une permanence juridique hebdomadaire. "
                "Comment recrutez-vous les avocats bénévoles ?",
            ),
        ],
    ),
    (
        "Labour mobility",
        "Draft of the working group's 2026 paper",
        [
            ("member", "The first draft is ready for comments before our meeting."),
            ("moderator", "Noted; I added it to the agenda."),
        ],
    ),
]


def _ensure_forum(names, parent=None, forum_type=None):
    english_name, english_description = names["en"]
    forum = Forum.objects.filter(name=english_name, parent=parent).first()
    if forum is None:
        forum = Forum.objects.create(
            name=english_name,
            description=english_description,
            parent=parent,
            type=Forum.FORUM_POST if forum_type is None else forum_type,
        )
    for language, (name, description) in names.items():
        if language == "en":
            continue
        ForumTranslation.objects.update_or_create(
            forum=forum,
            language=language,
            defaults={"name": name, "description": description},
        )
    return forum


def build_forum(demo):
    install_default_permissions()
    themes = _ensure_forum(THEMES, forum_type=Forum.FORUM_CAT)
    forums = {
        names["en"][0]: _ensure_forum(names, parent=themes) for names in PUBLIC_FORUMS
    }
    working_groups = _ensure_forum(WORKING_GROUPS, forum_type=Forum.FORUM_CAT)
    for group_name, names in PRIVATE_FORUMS:
        group, _created = Group.objects.get_or_create(name=group_name)
        forum = _ensure_forum(names, parent=working_groups)
        make_private(forum, [group])
        forums[names["en"][0]] = forum
    # The first member sits in the labour mobility working group.
    member = demo.users.get("member")
    if member is not None:
        member.groups.add(Group.objects.get(name=PRIVATE_FORUMS[0][0]))

    added = 0
    for forum_name, subject, posts in CONVERSATIONS:
        forum = forums[forum_name]
        if Topic.objects.filter(forum=forum, subject=subject).exists():
            continue
        (first_role, first_text), *replies = posts
        topic = start_topic(forum, demo.users[first_role], subject, first_text)
        for role, text in replies:
            reply(topic, demo.users[role], text)
        added += 1
    demo.log(f"Forum: {len(forums)} forums, {added} new topic(s).")
