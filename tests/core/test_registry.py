"""The meeting points where plugins offer content to pages they do not own."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail import hooks

from mmn_plugins.core.registry import Slot, collect_slots

from .markup import parse


TEST_SLOTS = "mmn_tests_core_slots"


def slot_saying(message, order=100, title=None):
    def provide_slot(request, **context):
        return Slot(
            title=title or message,
            template="tests_core/slot.html",
            context={"message": message, **context},
            order=order,
        )

    return provide_slot


def test_nothing_registered_means_no_slots():
    """A meeting point no installed plugin fills is simply empty."""
    assert collect_slots(TEST_SLOTS, request=None) == []


def test_slots_are_ordered_by_their_order_then_by_registration():
    """Slots come sorted by ``order``; equal orders keep registration order."""
    with (
        hooks.register_temporarily(TEST_SLOTS, slot_saying("late", order=300)),
        hooks.register_temporarily(TEST_SLOTS, slot_saying("first", order=10)),
        hooks.register_temporarily(TEST_SLOTS, slot_saying("middle-a")),
        hooks.register_temporarily(TEST_SLOTS, slot_saying("middle-b")),
    ):
        slots = collect_slots(TEST_SLOTS, request=None)

    assert [slot.title for slot in slots] == ["first", "middle-a", "middle-b", "late"]


def test_a_provider_may_decline_and_receives_the_context():
    """Returning None leaves the slot out; the page's context reaches providers."""
    seen = {}

    def declines(request, **context):
        seen.update(context, request=request)
        return None

    request = RequestFactory().get("/")
    with hooks.register_temporarily(TEST_SLOTS, declines):
        slots = collect_slots(TEST_SLOTS, request, page="the page")

    assert slots == []
    assert seen == {"page": "the page", "request": request}


@pytest.mark.usefixtures("core_test_templates")
def test_mmn_slots_tag_renders_each_slot_in_a_titled_section():
    """``{% mmn_slots %}`` renders every slot in order, titled and escaped."""
    template = Template('{% load mmn_core %}{% mmn_slots hook page="Home" %}')
    with (
        hooks.register_temporarily(TEST_SLOTS, slot_saying("Resources", order=20)),
        hooks.register_temporarily(
            TEST_SLOTS, slot_saying("Debates", order=10, title="<b>Debates</b>")
        ),
    ):
        html = template.render(
            Context({"hook": TEST_SLOTS, "request": RequestFactory().get("/")})
        )

    sections = parse(html).find_all("section")
    assert [section.h2.get_text() for section in sections] == [
        "<b>Debates</b>",
        "Resources",
    ]
    assert [section.p.get_text() for section in sections] == ["Debates", "Resources"]
    heading = sections[0].h2
    assert sections[0]["aria-labelledby"] == heading["id"]


def test_mmn_slots_tag_renders_nothing_when_nothing_is_registered():
    """A page offering a meeting point nobody fills shows no empty section."""
    template = Template("{% load mmn_core %}{% mmn_slots hook %}")

    assert template.render(Context({"hook": TEST_SLOTS})).strip() == ""
