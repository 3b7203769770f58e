from django import template

from ..registry import collect_slots
from ..sanitise import render_markdown, render_plain_text


register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render member-written Markdown through the core sanitiser."""
    return render_markdown(text)


@register.filter(name="plain_text")
def plain_text_filter(text):
    """Escape member-written plain text and keep its line breaks."""
    return render_plain_text(text)


@register.inclusion_tag("mmn_core/slots.html", takes_context=True)
def mmn_slots(context, hook_name, **slot_context):
    """Render the slots other plugins registered under ``hook_name``.

    Usage: ``{% mmn_slots "mmn_home_slots" page=page %}``.
    """
    request = context.get("request")
    slots = collect_slots(hook_name, request, **slot_context)
    return {"slots": [(slot, slot.render(request)) for slot in slots]}
