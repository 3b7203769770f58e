"""The bare Django views the site's pages are measured against."""

from django.http import HttpResponse
from django.shortcuts import render


# Enough rows for the bare page to weigh about what a site page weighs.
ROWS = [
    {
        "title": f"Row {number} of the bare page",
        "summary": "A sentence of plain text, about as long as a news summary "
        "on the site's own pages, repeated on every row.",
        "href": f"/bench/rows/{number}/",
    }
    for number in range(40)
]


def bare_template(request):
    """A plain template of about a site page's size, through every middleware."""
    return render(request, "benchmarks/bare_page.html", {"rows": ROWS})


def bare_short(request):
    """The shortest possible response, through every middleware."""
    return HttpResponse("ok", content_type="text/plain")
