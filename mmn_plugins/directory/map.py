"""The map of member countries, drawn from the SVG tile map in static files.

The map ships with the plugin (``static/mmn_directory/img/member-map.svg``):
one tile per country of Europe and the Mediterranean, no tiles from a map
server and no outside request. The page inlines it with member countries
marked, each tile titled with the country's name in the reader's language
and its number of members.
"""

import copy
import functools
from pathlib import Path
from xml.etree import ElementTree

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django_countries import countries


SVG_NAMESPACE = "http://www.w3.org/2000/svg"
MAP_PATH = Path(__file__).parent / "static" / "mmn_directory" / "img" / "member-map.svg"

ElementTree.register_namespace("", SVG_NAMESPACE)


@functools.cache
def _map_template():
    # Parsed once per process; the file is the plugin's own, never uploaded.
    return ElementTree.parse(MAP_PATH).getroot()  # noqa: S314


def render_member_map(counts_by_country):
    """Inline SVG with the countries in ``counts_by_country`` marked.

    ``counts_by_country`` maps an ISO 3166 code to its number of members. The
    map depends only on these counts and the language, so the last few are
    kept: drawing it (53 translated country names) costs more than the page's
    queries.
    """
    counts = tuple(sorted(counts_by_country.items()))
    return _render_member_map(translation.get_language(), counts)


@functools.lru_cache(maxsize=64)
def _render_member_map(language, counts):
    counts_by_country = dict(counts)
    svg = copy.deepcopy(_map_template())
    svg.set("aria-labelledby", "member-map-title")
    heading = ElementTree.Element(f"{{{SVG_NAMESPACE}}}title", id="member-map-title")
    heading.text = gettext("Map of the countries of the network's members")
    svg.insert(0, heading)

    for tile in svg.iter(f"{{{SVG_NAMESPACE}}}g"):
        code = tile.get("data-country")
        title = tile.find(f"{{{SVG_NAMESPACE}}}title")
        name = str(countries.name(code)) or code
        count = counts_by_country.get(code, 0)
        if count:
            tile.set("class", "map__tile is-member")
            title.text = ngettext(
                "%(country)s: %(count)d member", "%(country)s: %(count)d members", count
            ) % {"country": name, "count": count}
        else:
            title.text = name

    return mark_safe(ElementTree.tostring(svg, encoding="unicode"))  # noqa: S308
