"""The URLs below a library and a resource page (Wagtail routable pages).

Below a library: ``feed/rss/``, ``feed/atom/`` and ``export/<bib|ris|json>/``,
each taking the same query string as the list, so a reader can follow or cite
exactly what they filtered. Below a resource: ``download/<language>/`` and
``cite/<bib|ris|json>/``.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import resolve_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path


EXPORT_FORMATS = {
    # format: (content type, file extension)
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


def export_response(resources, request, export_format, filename):
    from mmn_plugins.core.downloads import content_disposition

    from . import citations

    if export_format not in EXPORT_FORMATS:
        raise Http404("Unknown citation format.")
    content_type, extension = EXPORT_FORMATS[export_format]
    writer = {
        "bib": citations.to_bibtex,
        "ris": citations.to_ris,
        "json": citations.to_csl_json,
    }[export_format]
    response = HttpResponse(writer(resources, request), content_type=content_type)
    response["Content-Disposition"] = content_disposition(f"{filename}.{extension}")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def login_url_for(request):
    """The login page, coming back to ``request``'s page afterwards."""
    login_url = resolve_url(settings.LOGIN_URL)
    return f"{login_url}?{urlencode({'next': request.get_full_path()})}"


class LibraryRoutes:
    def browse(self, request):
        """The filter form, the browser over this library, and both applied."""
        from .browse import LibraryBrowser, LibraryFilterForm

        form = LibraryFilterForm(request.GET)
        return form, LibraryBrowser(self, form)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, browser = self.browse(request)
        query = request.GET.copy()
        query.pop("page", None)
        # Worked out when the template first reads them, so a list served from
        # the fragment cache (library_page.html) costs none of their queries.
        context.update(
            form=form,
            facets=SimpleLazyObject(browser.facets),
            resources_page=SimpleLazyObject(
                lambda: browser.paginator(self.resources_per_page).get_page(
                    request.GET.get("page")
                )
            ),
            query_string=query.urlencode(),
        )
        return context

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request):
        from .feeds import LibraryRssFeed

        return LibraryRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def atom_feed(self, request):
        from .feeds import LibraryAtomFeed

        return LibraryAtomFeed(self)(request)

    @path("export/<str:export_format>/", name="export")
    def export(self, request, export_format):
        from . import settings as library_settings

        _form, browser = self.browse(request)
        limit = library_settings.get("MMN_LIBRARY_EXPORT_LIMIT")
        resources = browser.results()[:limit]
        return export_response(resources, request, export_format, self.slug)

    @path("submit/", name="submit")
    def submit(self, request):
        from .submissions import submit_resource

        return submit_resource(request, self)

    @path("my-submissions/", name="my_submissions")
    def my_submissions(self, request):
        from .submissions import my_submissions

        return my_submissions(request, self)


class ResourceRoutes:
    def get_context(self, request, *args, **kwargs):
        from .citations import highwire_tags

        context = super().get_context(request, *args, **kwargs)
        language = translation.get_language() or ""
        # Read when the template first asks, so a page whose head and content
        # come from the fragment cache (resource_page.html) costs no query.
        files = SimpleLazyObject(lambda: self.files_for_reader(language))
        context.update(
            files=files,
            reader_file=SimpleLazyObject(lambda: files[0] if files else None),
            reader_file_is_in_reader_language=lambda: bool(
                files and files[0].language == language[:2]
            ),
            may_download=self.may_download(request.user),
            login_url=login_url_for(request),
            authors_with_organisations=SimpleLazyObject(
                self.authors_with_organisations
            ),
            citation_tags=SimpleLazyObject(lambda: highwire_tags(self, request)),
            export_formats=[
                ("bib", _("BibTeX")),
                ("ris", _("RIS")),
                ("json", _("CSL-JSON")),
            ],
            related_resources=SimpleLazyObject(self.live_related_resources),
            topics=SimpleLazyObject(lambda: self.topics_for_reader(language)),
        )
        return context

    def topics_for_reader(self, language):
        """The resource's topics, each with ``display_name`` in ``language``.

        A page copied for translation may still point at the topics of the
        page it came from; they are shown by their translation's name.
        """
        from .browse import topic_names_in_reader_language

        topics = list(self.topics.all())
        names = topic_names_in_reader_language(
            (
                topic.translation_key,
                topic.name,
                language if topic.locale_id == self.locale_id else None,
            )
            for topic in topics
        )
        for topic in topics:
            topic.display_name = names[topic.translation_key]
        return topics

    def live_related_resources(self):
        return [
            link.resource
            for link in self.related_links.select_related("resource")
            if link.resource.live
        ]

    @path("download/<str:language>/", name="download")
    def download(self, request, language):
        from .downloads import serve_resource_file

        return serve_resource_file(request, self, language)

    @path("cite/<str:export_format>/", name="cite")
    def cite(self, request, export_format):
        return export_response([self], request, export_format, self.slug)
