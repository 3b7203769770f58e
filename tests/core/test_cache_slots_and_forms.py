"""Slots kept rendered in the cache, and forms kept with a late CSRF token."""

import pytest
from django import forms
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail import hooks

from mmn_plugins.core.cache import purge_page_cache
from mmn_plugins.core.registry import Slot
from mmn_plugins.core.templatetags.mmn_cache import CSRF_TOKEN_PLACEHOLDER


TEST_SLOTS = "mmn_tests_core_cached_slots"
SLOTS = Template('{% load mmn_core %}{% mmn_slots "mmn_tests_core_cached_slots" %}')
FORM = Template(
    "{% load mmn_cache %}"
    '{% cached_form form "contact" %}<h1>{{ heading }}</h1>'
    '<form method="post">{% csrf_token %}{{ form.as_div }}</form>'
    "{% endcached_form %}"
)

pytestmark = pytest.mark.usefixtures("core_test_templates")


class SlotSource:
    """A plugin's slot whose context counts how often it is asked for."""

    def __init__(self, cacheable):
        self.cacheable = cacheable
        self.message = "first"
        self.context_calls = 0

    def __call__(self, request, **context):
        return Slot(
            title="Latest",
            template="tests_core/slot.html",
            context=self.context,
            cacheable=self.cacheable,
        )

    def context(self):
        self.context_calls += 1
        return {"message": self.message}


def render_slots(request=None, **context):
    request = request or RequestFactory().get("/en/")
    return SLOTS.render(Context({"request": request, **context}))


def test_cacheable_slot_is_kept_until_the_next_purge():
    """The stored slot is shown, its queries skipped, until an editor's change."""
    source = SlotSource(cacheable=True)
    with hooks.register_temporarily(TEST_SLOTS, source):
        assert "first" in render_slots()
        source.message = "second"
        assert "first" in render_slots()
        assert source.context_calls == 1

        purge_page_cache()

        assert "second" in render_slots()


def test_cacheable_slot_is_kept_per_language():
    """A French reader never gets the English slot."""
    source = SlotSource(cacheable=True)
    with hooks.register_temporarily(TEST_SLOTS, source):
        render_slots()
        source.message = "en français"
        with translation.override("fr"):
            assert "en français" in render_slots()


def test_slot_not_marked_cacheable_renders_every_time():
    source = SlotSource(cacheable=False)
    with hooks.register_temporarily(TEST_SLOTS, source):
        render_slots()
        source.message = "second"
        assert "second" in render_slots()


def test_preview_neither_reads_nor_stores_a_cacheable_slot():
    source = SlotSource(cacheable=True)
    preview = RequestFactory().get("/en/")
    preview.is_preview = True
    with hooks.register_temporarily(TEST_SLOTS, source):
        render_slots()
        source.message = "draft"
        assert "draft" in render_slots(preview)
        source.message = "ignored"
        assert "first" in render_slots()


def test_slot_whose_context_finds_nothing_is_left_out():
    """No empty titled section when, after all, the plugin has nothing to show."""

    def nothing_to_show(request, **context):
        return Slot(
            title="Empty", template="tests_core/slot.html", context=lambda: None
        )

    with hooks.register_temporarily(TEST_SLOTS, nothing_to_show):
        assert "Empty" not in render_slots()


class ContactForm(forms.Form):
    name = forms.CharField()


def render_form(request, form, heading="Contact us", token=None):
    token = token or get_token(request)
    context = {"form": form, "csrf_token": token, "heading": heading}
    return FORM.render(Context(context))


def test_unfilled_form_is_kept_and_each_visitor_gets_their_own_token():
    """The form comes from the cache, but no visitor sees another's token."""
    first_token, second_token = get_token(HttpRequest()), get_token(HttpRequest())

    first = render_form(None, ContactForm(), token=first_token)
    second = render_form(None, ContactForm(), heading="Changed", token=second_token)

    assert "Contact us" in second  # Kept: the heading change is not rendered.
    assert f'value="{first_token}"' in first
    assert f'value="{second_token}"' in second
    assert first_token not in second
    assert CSRF_TOKEN_PLACEHOLDER not in first + second


def test_form_sent_back_with_errors_is_rendered_afresh():
    """One visitor's answer and errors are never shown to the next."""
    render_form(HttpRequest(), ContactForm())

    answered = render_form(
        HttpRequest(), ContactForm({"name": ""}), heading="Please correct"
    )
    next_visitor = render_form(HttpRequest(), ContactForm())

    assert "Please correct" in answered
    assert "errorlist" in answered
    assert "errorlist" not in next_visitor


def test_kept_form_is_renewed_by_a_purge_and_kept_per_language():
    render_form(HttpRequest(), ContactForm())

    with translation.override("fr"):
        assert "Contactez-nous" in render_form(
            HttpRequest(), ContactForm(), heading="Contactez-nous"
        )
    purge_page_cache()

    assert "Renewed" in render_form(HttpRequest(), ContactForm(), heading="Renewed")


def test_form_without_a_csrf_token_is_rendered_afresh():
    """Without a token to fill in, nothing is stored with a placeholder."""
    context = {"form": ContactForm(), "heading": "No token"}
    assert CSRF_TOKEN_PLACEHOLDER not in FORM.render(Context(context))
    assert "Contact us" in render_form(
        HttpRequest(), ContactForm(), heading="Contact us"
    )
