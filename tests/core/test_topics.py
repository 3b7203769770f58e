"""The Topic snippet: the shared, translatable taxonomy of the network's themes."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Locale
from wagtail.snippets.models import get_snippet_models

from mmn_plugins.core.models import Topic


pytestmark = pytest.mark.django_db


@pytest.fixture
def english_and_french():
    english = Locale.objects.get_or_create(language_code="en")[0]
    french = Locale.objects.get_or_create(language_code="fr")[0]
    return english, french


def test_a_topic_translates_into_another_language(english_and_french):
    """A French copy shares the topic's identity and carries its own name."""
    english, french = english_and_french
    topic = Topic.objects.create(name="Health", slug="health", locale=english)

    translation = topic.copy_for_translation(french)
    translation.name = "Santé"
    translation.save()

    assert translation.translation_key == topic.translation_key
    assert topic.get_translation(french).name == "Santé"
    assert str(translation) == "Santé"
    assert Topic in get_snippet_models()


def test_the_same_slug_is_allowed_once_per_language(english_and_french):
    """Each language may use ``health``; a second English ``health`` is refused."""
    english, french = english_and_french
    Topic.objects.create(name="Health", slug="health", locale=english)
    Topic.objects.create(name="Santé", slug="health", locale=french)

    duplicate = Topic(name="Health again", slug="health", locale=english)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_unicode_slugs_are_accepted(english_and_french):
    """Arabic topics may have Arabic slugs."""
    topic = Topic(name="الصحة", slug="الصحة", locale=english_and_french[0])

    topic.full_clean()


def test_editors_get_a_form_error_for_a_duplicate_slug(
    client, django_user_model, english_and_french
):
    """In the admin, a taken slug is a message on the form, never a server error."""
    Topic.objects.create(name="Health", slug="health", locale=english_and_french[0])
    admin = django_user_model.objects.create_superuser(
        "admin", "admin@example.org", "x" * 12
    )
    client.force_login(admin)

    response = client.post(
        reverse("wagtailsnippets_mmn_core_topic:add") + "?locale=en",
        {"name": "Health care", "slug": "health", "description": ""},
    )

    assert response.status_code == 200
    assert Topic.objects.count() == 1
    assert response.context["form"].errors["slug"] == [
        "Another topic in this language already uses this slug."
    ]
