"""Settings shared by every environment of the network's site.

``dev``, ``test`` and ``production`` start from here. Everything here works on
the embedded defaults (SQLite, local-memory cache, local media folder, database
search, console e-mail); production swaps each for a real service through an
environment variable.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _


SITE_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = SITE_DIR.parent
VAR_DIR = BASE_DIR / "var"

# Plugins first so that their templates override the packages they wrap, the
# site's apps before the plugins so the site can override a plugin's template.
INSTALLED_APPS = [
    "home",
    "pages",
    "news",
    "events",
    "formpages",
    "accounts",
    "demo",
    "multilingual",
    "mmn_plugins.core",
    "mmn_plugins.directory",
    "mmn_plugins.library",
    "mmn_plugins.debates",
    "mmn_plugins.search",
    "mmn_plugins.forum",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmenus",
    # Threaded comments under mmn_plugins.debates; xtd first, as its docs say.
    "django_comments_xtd",
    "django_comments",
    # django-machina's models, wrapped by mmn_plugins.forum: not "machina"
    # itself (its Bootstrap templates and static files), nor its search
    # (haystack), feeds and moderation views, which the plugin replaces.
    "mptt",
    "machina.apps.forum",
    "machina.apps.forum_conversation",
    "machina.apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_member",
    "machina.apps.forum_permission",
    "machina.apps.forum_tracking",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",  # django-contrib-comments keys comments on a site.
]

# The page cache sits right behind WhiteNoise so that a cached page skips the
# whole stack; everything it stores was produced by the middleware below it,
# security headers included.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "mmn_plugins.core.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "mmn_site.urls"
WSGI_APPLICATION = "mmn_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "theme" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "wagtailmenus.context_processors.wagtailmenus",
                "mmn_plugins.core.context_processors.mmn_core",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "db.sqlite3",
        "OPTIONS": {
            # WAL lets the dev server read while a command writes.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
    }
}

# Pinned to AutoField: django-machina ships migrations made with AutoField, and a
# project-wide BigAutoField would make Django ask for migrations inside it. Each
# of the project's own apps pins ``default_auto_field`` in its AppConfig.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "mmn-default",
    }
}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. The list is a setting: adding a language means adding it here and
# shipping its translations, with no code change. URLs carry the language prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("ar", "العربية"),
    ("el", "Ελληνικά"),
    ("it", "Italiano"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "theme" / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Background work (e-mails, search indexing) goes through django-tasks. Here it
# runs at once, in the request; production uses the database backend and its
# worker (``manage.py db_worker``).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "Mediterranean Migration Network <noreply@mmn.example.org>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Accounts: people sign in with their e-mail address. There is no open sign-up:
# people join through their organisation (the directory plugin's applications
# and invitations), so the adapter closes the sign-up view.
SITE_ID = 1
ACCOUNT_ADAPTER = "accounts.adapter.InvitationOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[MMN] "
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"

# Wagtail.
WAGTAIL_SITE_NAME = "Mediterranean Migration Network"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# The update check calls an outside host from the admin: the site must work on a
# closed network and must not tell anyone it exists.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "odp",
    "pdf",
    "pptx",
    "txt",
    "xlsx",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents uploaded in the admin pass the e-library's allow-list and content
# checks, like members' submissions (issue 5).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "mmn_plugins.library.documents.CheckedDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_FINDERS = []  # oEmbed providers are outside hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # No avatar may come from an outside host.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# wagtailmenus follows the active language through the translated pages.
WAGTAILMENUS_FLAT_MENUS_HANDLE_CHOICES = (("footer", _("Footer")),)
WAGTAILMENUS_ACTIVE_CLASS = "is-active"
WAGTAILMENUS_ACTIVE_ANCESTOR_CLASS = "is-active-ancestor"

# django-countries: names are translated into every interface language.
COUNTRIES_FIRST_SORT = False

# django-machina stores a rendered copy of each post: make it core's sanitiser,
# so no copy of a post anywhere holds markup a member typed. machina's own
# avatars are off: authors show their directory photo through core.
MACHINA_MARKUP_LANGUAGE = ("mmn_plugins.core.sanitise.render_markdown", {})
MACHINA_PROFILE_AVATARS_ENABLED = False
MACHINA_FORUM_NAME = "Mediterranean Migration Network"

# Debates: comments are django-comments-xtd's, as the debates plugin's own
# model (stance, language, supports). Threads nest three levels below an
# argument (MMN_DEBATES_MAX_REPLY_DEPTH); xtd's limit must be at least that.
# Members post through the plugin's forms, so xtd's e-mail confirmation of
# anonymous comments never applies.
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "mmn_plugins.debates.models.DebateComment"
COMMENTS_XTD_MAX_THREAD_LEVEL = 0
COMMENTS_XTD_MAX_THREAD_LEVEL_BY_APP_MODEL = {"mmn_debates.debatepage": 3}
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_SALT = b"mmn-debates"
MMN_DEBATES_MAX_REPLY_DEPTH = 3

# Pages a plugin's template extends; the theme supplies it.
MMN_BASE_TEMPLATE = "base.html"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 2_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
CSRF_FAILURE_VIEW = "mmn_site.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {"level": "WARNING"},
        # One line per task run is noise with the immediate backend.
        "django_tasks": {"level": "WARNING"},
    },
}

# wagtailmenus registers its menus as snippets and still declares page-style
# panels, which Wagtail warns are unused; nothing to fix on this side.
SILENCED_SYSTEM_CHECKS = ["wagtailadmin.W002"]
WAGTAILMENUS_LOCALIZE_MENU_ITEMS = True
