"""Template helpers of the forum."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import resolve_url


register = template.Library()


@register.filter
def as_list(value):
    """``value`` alone in a list, for includes that take several."""
    return [value]


@register.simple_tag(takes_context=True)
def sign_in_url(context):
    """The site's sign-in page (``LOGIN_URL``), coming back here afterwards."""
    request = context.get("request")
    login = resolve_url(settings.LOGIN_URL)
    if request is None:
        return login
    return f"{login}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}"
