from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A theme of the network's work (labour migration, education, health ...).

    The shared taxonomy: organisations, resources, debates and events are all
    tagged with the same topics, so a reader can follow one theme across the
    site. Editors manage and translate topics as snippets.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="mmn_core_topic_unique_slug"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # The admin's form leaves the locale out, so Django skips the (slug,
        # locale) constraint when validating it; without this check a taken
        # slug would reach the database and fail with a server error.
        taken = (
            Topic.objects.filter(slug=self.slug, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        )
        if self.locale_id and taken:
            raise ValidationError(
                {"slug": _("Another topic in this language already uses this slug.")}
            )
