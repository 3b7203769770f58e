"""What the directory offers other pages through core's registry."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mmn_plugins.core.registry import Slot

from . import settings as directory_settings
from .models import DirectoryPage, Organisation


def newest_members(request):
    """The newest listed organisations, linked to their profiles.

    The slot reads the same for every visitor of a language, so core keeps it
    rendered in the cache (saving an organisation, a snippet, renews it) and
    asks for its context only when it is not there. Nothing is shown when no
    directory page is live, since the profiles would have nowhere to be shown.
    """
    return Slot(
        title=_("Newest members"),
        template="mmn_directory/includes/newest_members.html",
        context=lambda: _newest_members_context(request),
        order=30,
        cacheable=True,
    )


def _newest_members_context(request):
    language = translation.get_language()
    pages = DirectoryPage.objects.live()
    page = pages.filter(locale__language_code=language).first() or pages.first()
    if page is None:
        return None
    count = directory_settings.get("MMN_DIRECTORY_NEWEST_MEMBERS")
    organisations = Organisation.objects.listed().order_by("-created_at", "-pk")[:count]
    return {
        "organisations": list(organisations),
        "directory_url": page.get_url(request),
    }
