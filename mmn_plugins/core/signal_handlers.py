"""Keep the page cache honest: any change that shows on a page purges it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)
from wagtail.snippets.models import get_snippet_models

from .cache import purge_page_cache


# Records that show on public pages without being snippets or settings. Image
# renditions are left out on purpose: rendering a page creates them.
PURGING_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
}
PURGING_APP_LABELS = {"wagtailmenus"}


def register_purging_model(model):
    """Purge the page cache whenever a ``model`` record is saved or deleted.

    For plugins whose records show on pages without being Wagtail pages,
    snippets or settings (a directory's organisations, say).
    """
    PURGING_MODELS.add(model._meta.label_lower)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def purge_after_page_change(**kwargs):
    purge_page_cache()


@receiver(post_delete)
def purge_after_delete(sender, **kwargs):
    if issubclass(sender, Page) or _shows_on_pages(sender):
        purge_page_cache()


@receiver(post_save)
def purge_after_save(sender, **kwargs):
    # Saving a page is a draft until published, which sends its own signal.
    if _shows_on_pages(sender):
        purge_page_cache()


def _shows_on_pages(model):
    meta = model._meta
    if meta.label_lower in PURGING_MODELS or meta.app_label in PURGING_APP_LABELS:
        return True
    if issubclass(model, BaseSiteSetting | BaseGenericSetting):
        return True
    return model in get_snippet_models()
