"""The admin's translation status report: pages by language, with filters."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .status import STATUS_LABELS, sections, source_pages, status_rows


ROWS_PER_PAGE = 50


class StatusFilterForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, section_pages=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["section"].choices = everything + [
            (str(page.pk), page.title) for page in section_pages
        ]
        self.fields["language"].choices = everything + translated_languages()
        self.fields["status"].choices = everything + list(STATUS_LABELS.items())


def translated_languages():
    return [
        (code, name)
        for code, name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def translation_status_report(request):
    """Each page of the default language, each other language, its status."""
    section_pages = list(sections())
    form = StatusFilterForm(request.GET or None, section_pages=section_pages)
    filters = form.cleaned_data if form.is_valid() else {}

    section = next(
        (page for page in section_pages if str(page.pk) == filters.get("section")), None
    )
    languages = [code for code, _name in translated_languages()]
    if filters.get("language"):
        languages = [filters["language"]]

    paginator = Paginator(source_pages(section), ROWS_PER_PAGE)
    page_of_rows = paginator.get_page(request.GET.get("p"))
    rows = status_rows(page_of_rows.object_list, languages)
    if filters.get("status"):
        # The filter keeps the rows where any shown language has that status;
        # within one page of rows, so the query count stays bounded.
        rows = [
            row for row in rows if any(c.status == filters["status"] for c in row.cells)
        ]

    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "multilingual/admin/translation_status.html",
        {
            "form": form,
            "rows": rows,
            "languages": [(code, dict(settings.LANGUAGES)[code]) for code in languages],
            "page_of_rows": page_of_rows,
            "query_string": query.urlencode(),
            "status_labels": STATUS_LABELS,
        },
    )
