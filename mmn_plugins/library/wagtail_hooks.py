from django.contrib.auth.views import redirect_to_login
from wagtail import hooks

from mmn_plugins.core.registry import DEMO_BUILDERS

from .models import Access, ResourceFile


@hooks.register("before_serve_document")
def keep_members_only_documents_private(document, request):
    """Refuse visitors a members-only resource's file at Wagtail's own URL.

    The library's download view checks access, but Wagtail also serves every
    document at ``/documents/<id>/<name>``; without this, a visitor who knows
    that address would get the file.
    """
    if request.user.is_authenticated:
        return None
    is_members_only = ResourceFile.objects.filter(
        document=document, page__access=Access.MEMBERS
    ).exists()
    if is_members_only:
        return redirect_to_login(request.get_full_path())
    return None


@hooks.register(DEMO_BUILDERS)
def build_library_demo(demo):
    from .demo import build_library

    build_library(demo)
