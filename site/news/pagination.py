"""Pagination shared by the news and events lists."""

from django.core.paginator import Paginator


def paginate(items, per_page, page_number):
    """The page of ``items`` that ``page_number`` asks for.

    Whatever a visitor typed (``?page=abc``, ``?page=-1``, ``?page=10**30``)
    gives a page: the first for junk, the last past the end. The page carries
    ``page_links``, the numbers to link with long runs elided.
    """
    paginator = Paginator(items, max(per_page, 1))
    items_page = paginator.get_page(page_number)
    items_page.page_links = list(
        paginator.get_elided_page_range(items_page.number, on_each_side=2, on_ends=1)
    )
    items_page.ellipsis = paginator.ELLIPSIS
    return items_page
