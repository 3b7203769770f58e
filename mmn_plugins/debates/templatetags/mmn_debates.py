"""Template helpers of the debate pages."""

from django import template
from django.conf import settings
from django.utils.http import urlencode


register = template.Library()


@register.simple_tag(takes_context=True)
def debate_url(context, page, name, *args):
    """The URL of ``page``'s route ``name`` (see ``mmn_debates.routes``)."""
    return page.get_url(context.get("request")) + page.reverse_subpage(name, args=args)


@register.simple_tag(takes_context=True)
def sort_query(context, stance, sort):
    """The query string that sorts ``stance``'s column by ``sort``, others kept."""
    request = context["request"]
    query = {
        key: value
        for key, value in request.GET.items()
        if key.startswith("sort_") and key != f"sort_{stance}"
    }
    query[f"sort_{stance}"] = sort
    return "?" + urlencode(sorted(query.items()))


@register.filter
def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)
