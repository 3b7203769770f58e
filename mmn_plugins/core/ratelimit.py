"""A small fixed-window rate limit kept in the cache.

Every URL a member or visitor can post to calls :func:`is_rate_limited` before
doing any work. With several hosts the cache is Redis, so the limit is shared.
"""

import logging
import re
import time

from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

from . import settings as core_settings


logger = logging.getLogger(__name__)

RATE_LIMITED_MESSAGE = _(
    "You have sent this form too many times in a short while. "
    "Please wait a few minutes and try again."
)


_RATE_PATTERN = re.compile(r"(?P<count>\d+)/(?P<multiplier>\d*)(?P<unit>[smhd])[a-z]*")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """Turn ``"5/m"``, ``"5/10m"`` or ``"100/day"`` into (count, seconds)."""
    match = _RATE_PATTERN.fullmatch(rate.replace(" ", "").lower())
    if match is None:
        raise ValueError(
            f"Rate {rate!r} is not understood: write a count, a slash and a period "
            "in seconds, minutes, hours or days, such as '5/m', '5/10m' or '20/h'."
        )
    multiplier = int(match["multiplier"] or 1)
    return int(match["count"]), _UNIT_SECONDS[match["unit"]] * multiplier


def client_identity(request):
    """Who is asking: the member when logged in, otherwise the client address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    header = core_settings.get("MMN_CORE_CLIENT_IP_HEADER")
    forwarded = request.META.get(header, "") if header else ""
    address = _address_from_proxies(
        forwarded, core_settings.get("MMN_CORE_CLIENT_IP_PROXY_COUNT")
    )
    return f"ip:{address or request.META.get('REMOTE_ADDR', '')}"


def _address_from_proxies(forwarded, proxy_count):
    """The client address in an ``X-Forwarded-For``-style list.

    Each proxy appends the address it received the request from, so only the
    entries on the right come from the site's own proxies: whoever sends the
    request can write anything on the left. With ``proxy_count`` proxies in
    front of the site, the client is the ``proxy_count``-th entry from the right.
    """
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if not entries:
        return ""
    return entries[-min(max(proxy_count, 1), len(entries))]


def is_rate_limited(request, scope, rate):
    """Count this request in ``scope`` and say whether it exceeds ``rate``."""
    limit, window = parse_rate(rate)
    bucket = int(time.time() // window)
    key = f"mmn:ratelimit:{scope}:{client_identity(request)}:{bucket}"
    cache = caches[core_settings.get("MMN_CORE_PAGE_CACHE_ALIAS")]

    # add() is atomic and only succeeds for the first request of a window.
    if cache.add(key, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # The key expired between add() and incr().
            cache.set(key, 1, timeout=window + 1)
            count = 1

    if count > limit:
        logger.info("Rate limit %s exceeded by %s.", scope, client_identity(request))
        return True
    return False
