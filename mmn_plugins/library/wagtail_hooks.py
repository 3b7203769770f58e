from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from wagtail import hooks

from mmn_plugins.core.membership import is_member
from mmn_plugins.core.registry import DEMO_BUILDERS, SEARCH_SOURCES

from .models import Access, ResourceFile


@hooks.register("before_serve_document")
def keep_members_only_documents_private(document, request):
    """Refuse visitors a members-only resource's file at Wagtail's own URL.

    The library's download view checks access, but Wagtail also serves every
    document at ``/documents/<id>/<name>``; without this, a visitor who knows
    that address would get the file.
    """
    if is_member(request.user):
        return None
    is_members_only = ResourceFile.objects.filter(
        document=document, page__access=Access.MEMBERS
    ).exists()
    if not is_members_only:
        return None
    if request.user.is_authenticated:
        raise PermissionDenied
    return redirect_to_login(request.get_full_path())


@hooks.register(DEMO_BUILDERS)
def build_library_demo(demo):
    from .demo import build_library

    build_library(demo)


@hooks.register(SEARCH_SOURCES)
def library_search_source():
    from .search import resource_source

    return resource_source()
