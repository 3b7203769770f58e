"""The search plugin's own index: one row per document every source gives.

A :class:`SearchEntry` keeps a document as the registry's
:class:`~mmn_plugins.core.registry.SearchDocument` describes it, plus the
folded text the full-text index reads. The full-text index itself is made by
a migration for the database in use: an FTS5 table on SQLite, a ``tsvector``
column with a GIN index on PostgreSQL (see :mod:`.backends.database`). Rows are
written by :mod:`.indexing` only, never edited by hand.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=40)
    key = models.CharField(_("key"), max_length=120)
    # Which record gave the document ("page:12", "mmn_directory.organisation:4"),
    # so that saving or deleting the record replaces all its documents.
    source_ref = models.CharField(_("record"), max_length=160, db_index=True)
    language = models.CharField(_("language"), max_length=12)
    title = models.TextField(_("title"))
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    audience = models.CharField(_("audience"), max_length=10)
    # ",3,7," so that one group is found with a plain LIKE.
    group_list = models.CharField(max_length=500, blank=True)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    # What the full-text index reads: the text folded as queries are (see
    # :func:`.text.fold`), and on SQLite the tokens that filter inside FTS5.
    folded_title = models.TextField(blank=True)
    folded_body = models.TextField(blank=True)
    filter_tokens = models.TextField(blank=True)
    # The PostgreSQL text search configuration of ``language`` ("french").
    search_config = models.CharField(max_length=20, default="simple")

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key"], name="mmn_search_entry_kind_key"
            )
        ]
        indexes = [
            models.Index(fields=["audience", "kind"], name="mmn_search_audience_kind")
        ]

    def __str__(self):
        return f"{self.kind}:{self.key}"

    @property
    def group_ids(self):
        return tuple(int(pk) for pk in self.group_list.strip(",").split(",") if pk)


class SearchFacet(models.Model):
    """One facet value a document carries ("topic" = "health")."""

    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="facet_values"
    )
    name = models.CharField(max_length=20)
    code = models.CharField(max_length=120)

    class Meta:
        verbose_name = _("search facet")
        verbose_name_plural = _("search facets")
        indexes = [
            models.Index(fields=["name", "code"], name="mmn_search_facet_name_code"),
            models.Index(fields=["entry", "name"], name="mmn_search_facet_entry"),
        ]

    def __str__(self):
        return f"{self.name}={self.code}"
