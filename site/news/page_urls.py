"""Page URLs worked out without a query."""


def parent_url(page, request=None):
    """The URL of ``page``'s parent, from the page's own URL.

    A Wagtail page's URL is its parent's URL followed by its slug, so the
    parent's URL needs no query of its own: news and event pages link back
    to their section with it. ``None`` when the page has no URL.
    """
    url = page.get_url(request)
    if url is None:
        return None
    return url.rstrip("/").rsplit("/", 1)[0] + "/"
