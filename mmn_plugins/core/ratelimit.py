"""A small fixed-window rate limit kept in the cache.

Every URL a member or visitor can post to calls :func:`is_rate_limited` before
doing any work. With several hosts the cache is Redis, so the limit is shared.
"""

import logging
import time

from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

from . import settings as core_settings


logger = logging.getLogger(__name__)

RATE_LIMITED_MESSAGE = _(
    "You have sent this form too many times in a short while. "
    "Please wait a few minutes and try again."
)


def parse_rate(rate):
    """Turn ``"5/m"`` (or ``/s``, ``/h``, ``/d``) into (count, seconds)."""
    count, _slash, period = rate.partition("/")
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period[:1] or "m"]
    multiplier = int(period[1:] or 1) if period[1:].isdigit() else 1
    return int(count), seconds * multiplier


def client_identity(request):
    """Who is asking: the member when logged in, otherwise the client address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    header = core_settings.get("MMN_CORE_CLIENT_IP_HEADER")
    address = request.META.get(header, "") if header else ""
    # A proxy appends the address it saw; the first one is the client's.
    address = address.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")
    return f"ip:{address}"


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
