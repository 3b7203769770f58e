from django import template


register = template.Library()


@register.simple_tag(takes_context=True)
def subpage_url(context, page, name, *args):
    """The URL of ``page``'s route ``name`` (a routable page's sub-URL).

    Wagtail's own ``routablepageurl`` tag needs ``wagtail.contrib.routable_page``
    in INSTALLED_APPS; this one needs nothing but the page.
    """
    request = context.get("request")
    return page.get_url(request) + page.reverse_subpage(name, args=args)
