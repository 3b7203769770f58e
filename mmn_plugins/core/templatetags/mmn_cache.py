"""Template fragments kept in the cache until the content changes.

    {% load mmn_cache %}
    {% cached_fragment "news-list" page.pk request.get_full_path %}
      ... the part of the page that is the same for every reader ...
    {% endcached_fragment %}

The key holds the fragment's name, the values after it, the active language
and the page cache generation (:func:`mmn_plugins.core.cache.current_generation`),
so publishing a page or saving a snippet, menu or setting renews every
fragment at once, and each language keeps its own copy.

``{% cached_page_content %}`` does the same for a base template's content
block, for the page types that declare ``mmn_content_is_public = True``.

``{% cached_form form "name" value ... %}`` keeps a form that has not been
filled in (``form.is_bound`` false) together with what surrounds it: the copy
in the cache holds a placeholder where ``{% csrf_token %}`` goes, and each
reader gets their own token filled in, so the page still sets the visitor's
CSRF cookie and the full-page cache still refuses it. A form sent back with
errors is rendered fresh every time.

Previews never read nor store fragments. Only wrap what looks the same to
every reader: no form (but through ``cached_form``), no user name. As a
safety net, a fragment that holds a CSRF token is rendered every time and never
stored. ``MMN_CORE_FRAGMENT_CACHE_SECONDS`` (default 300; 0 turns fragments
off) bounds how long a fragment lives.
"""

import hashlib

from django import template
from django.core.cache import caches
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from .. import settings as core_settings
from ..cache import generation_cache_key


register = template.Library()

CSRF_FIELD_MARK = 'name="csrfmiddlewaretoken"'
# What a cached form holds instead of a visitor's CSRF token (tokens are letters
# and digits only, so a token never looks like it).
CSRF_TOKEN_PLACEHOLDER = "mmn:csrf-token-filled-in-per-request"  # noqa: S105
# What Django's context processor gives when there is no token.
NO_CSRF_TOKEN = "NOTPROVIDED"  # noqa: S105
CONTENT_IS_PUBLIC_ATTRIBUTE = "mmn_content_is_public"


def _is_preview(context):
    # A preview shows a draft under the live page's key: it must neither read
    # the published fragment nor leave the draft behind for the public.
    request = context.get("request")
    return getattr(request, "is_preview", False) or getattr(request, "is_dummy", False)


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        timeout = core_settings.get("MMN_CORE_FRAGMENT_CACHE_SECONDS")
        if not timeout or _is_preview(context):
            return self.nodelist.render(context)

        cache = caches[core_settings.get("MMN_CORE_PAGE_CACHE_ALIAS")]
        key = self._key(context)
        fragment = cache.get(key)
        if fragment is None:
            fragment = self.nodelist.render(context)
            if CSRF_FIELD_MARK not in fragment:
                cache.set(key, str(fragment), timeout=timeout)
        return mark_safe(fragment)  # noqa: S308 - our own rendered template output.

    def _key(self, context):
        name = self.name.resolve(context)
        values = "\u241f".join(str(value.resolve(context)) for value in self.vary_on)
        digest = hashlib.sha256(values.encode()).hexdigest()
        return generation_cache_key(
            "fragment", name, translation.get_language(), digest
        )


@register.tag
def cached_fragment(parser, token):
    """``{% cached_fragment "name" value ... %}`` … ``{% endcached_fragment %}``."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            'cached_fragment needs a name: {% cached_fragment "name" value ... %}.'
        )
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    name, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return CachedFragmentNode(nodelist, name, vary_on)


class CachedPageContentNode(CachedFragmentNode):
    """The content of a page whose type says it looks the same to everyone."""

    def __init__(self, nodelist):
        super().__init__(nodelist, name=None, vary_on=())

    def render(self, context):
        page = context.get("page")
        if not getattr(page, CONTENT_IS_PUBLIC_ATTRIBUTE, False):
            return self.nodelist.render(context)
        return super().render(context)

    def _key(self, context):
        request = context.get("request")
        address = request.get_full_path() if request is not None else ""
        digest = hashlib.sha256(address.encode()).hexdigest()
        language = translation.get_language()
        page = context["page"]
        return generation_cache_key("content", page.pk, language, digest)


@register.tag
def cached_page_content(parser, token):
    """Wrap a base template's content block: ``{% cached_page_content %}`` …
    ``{% endcached_page_content %}``.

    The content is kept only for page types that set
    ``mmn_content_is_public = True``: their content block holds nothing that
    depends on the reader (no form, no name, no "edit" link).
    """
    nodelist = parser.parse(("endcached_page_content",))
    parser.delete_first_token()
    return CachedPageContentNode(nodelist)


class CachedFormNode(CachedFragmentNode):
    """A form nobody has filled in, kept with a placeholder for the CSRF token."""

    def __init__(self, nodelist, form, name, vary_on):
        super().__init__(nodelist, name, vary_on)
        self.form = form

    def render(self, context):
        timeout = core_settings.get("MMN_CORE_FRAGMENT_CACHE_SECONDS")
        form = self.form.resolve(context)
        token = context.get("csrf_token")
        if (
            not timeout
            or _is_preview(context)
            or form is None
            or form.is_bound
            or not token
            or str(token) == NO_CSRF_TOKEN
        ):
            return self.nodelist.render(context)

        cache = caches[core_settings.get("MMN_CORE_PAGE_CACHE_ALIAS")]
        key = self._key(context)
        fragment = cache.get(key)
        if fragment is None:
            with context.push(csrf_token=CSRF_TOKEN_PLACEHOLDER):
                fragment = str(self.nodelist.render(context))
            cache.set(key, fragment, timeout=timeout)
        # Reading the token is what makes Django send this visitor's cookie.
        visitor_token = conditional_escape(str(token))
        return mark_safe(fragment.replace(CSRF_TOKEN_PLACEHOLDER, visitor_token))  # noqa: S308


@register.tag
def cached_form(parser, token):
    """``{% cached_form form "name" value ... %}`` … ``{% endcached_form %}``."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            'cached_form needs a form and a name: {% cached_form form "name" %}.'
        )
    nodelist = parser.parse(("endcached_form",))
    parser.delete_first_token()
    form, name, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return CachedFormNode(nodelist, form, name, vary_on)
