import hashlib

from django import template
from django.core.cache import caches
from django.utils import translation
from django.utils.safestring import mark_safe

from .. import settings as core_settings
from ..cache import generation_cache_key
from ..registry import collect_slots
from ..sanitise import render_markdown, render_plain_text
from .mmn_cache import CSRF_FIELD_MARK, _is_preview


register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render member-written Markdown through the core sanitiser."""
    return render_markdown(text)


@register.filter(name="plain_text")
def plain_text_filter(text):
    """Escape member-written plain text and keep its line breaks."""
    return render_plain_text(text)


@register.inclusion_tag("mmn_core/slots.html", takes_context=True)
def mmn_slots(context, hook_name, **slot_context):
    """Render the slots other plugins registered under ``hook_name``.

    Usage: ``{% mmn_slots "mmn_home_slots" page=page %}``.

    A slot marked ``cacheable`` is kept rendered in the cache, per hook,
    template, language and host, under the page cache generation (so any
    publish renews it), for ``MMN_CORE_FRAGMENT_CACHE_SECONDS``. A slot that
    renders nothing is left out.
    """
    request = context.get("request")
    slots = collect_slots(hook_name, request, **slot_context)
    use_cache = not _is_preview(context)
    rendered = [
        (slot, _render_slot(slot, request, hook_name, use_cache)) for slot in slots
    ]
    return {"slots": [(slot, html) for slot, html in rendered if html]}


def _render_slot(slot, request, hook_name, use_cache):
    timeout = core_settings.get("MMN_CORE_FRAGMENT_CACHE_SECONDS")
    if not (slot.cacheable and use_cache and timeout):
        return slot.render(request)

    cache = caches[core_settings.get("MMN_CORE_PAGE_CACHE_ALIAS")]
    key = _slot_key(slot, request, hook_name)
    html = cache.get(key)
    if html is None:
        html = slot.render(request)
        # A safety net, as for fragments: a token is never handed to others.
        if CSRF_FIELD_MARK not in html:
            cache.set(key, str(html), timeout=timeout)
    return mark_safe(html)  # noqa: S308 - our own rendered template output.


def _slot_key(slot, request, hook_name):
    host = request.get_host() if request is not None else ""
    values = "\u241f".join(map(str, [host, *slot.cache_vary_on]))
    digest = hashlib.sha256(values.encode()).hexdigest()
    language = translation.get_language()
    return generation_cache_key("slot", hook_name, slot.template, language, digest)
