"""Citations of resources: BibTeX, RIS, CSL-JSON and Highwire meta tags.

Each export takes resources with their authors and keywords prefetched and the
request (for absolute links). Text is written as stored, in UTF-8; only the
characters each format reserves are escaped.
"""

import json
import re
import unicodedata

from .models import ResourceType


BIBTEX_TYPES = {
    ResourceType.POLICY_PAPER: "techreport",
    ResourceType.DISCUSSION_PAPER: "techreport",
    ResourceType.REPORT: "techreport",
    ResourceType.STUDY: "techreport",
}
RIS_TYPES = {
    ResourceType.POLICY_PAPER: "RPRT",
    ResourceType.DISCUSSION_PAPER: "RPRT",
    ResourceType.REPORT: "RPRT",
    ResourceType.STUDY: "RPRT",
    ResourceType.PRESENTATION: "SLIDE",
    ResourceType.VIDEO: "VIDEO",
    ResourceType.LEGAL_TEXT: "LEGAL",
}
CSL_TYPES = {
    ResourceType.POLICY_PAPER: "report",
    ResourceType.DISCUSSION_PAPER: "report",
    ResourceType.REPORT: "report",
    ResourceType.STUDY: "report",
    ResourceType.PRESENTATION: "speech",
    ResourceType.VIDEO: "motion_picture",
    ResourceType.LEGAL_TEXT: "legislation",
}

BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _one_line(text):
    return " ".join((text or "").split())


def _keywords(resource):
    return resource.keyword_names


# BibTeX ----------------------------------------------------------------------


def bibtex_escape(text):
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in _one_line(text))


def bibtex_key(resource):
    """A citation key of ASCII letters and digits, unique by the page's id."""
    authors = resource.author_list
    name = authors[0].family_name if authors else resource.title
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore")
    stem = re.sub(r"[^a-z0-9]", "", ascii_name.decode("ascii").lower())[:20]
    return f"{stem or 'mmn'}{resource.publication_date.year}-{resource.pk}"


def to_bibtex(resources, request):
    return "\n".join(_bibtex_entry(resource, request) for resource in resources)


def _bibtex_entry(resource, request):
    entry_type = BIBTEX_TYPES.get(resource.resource_type, "misc")
    authors = " and ".join(
        f"{author.family_name}, {author.given_names}".rstrip(", ")
        for author in resource.author_list
    )
    fields = [
        ("title", resource.title),
        ("author", authors),
        ("year", str(resource.publication_date.year)),
        ("month", str(resource.publication_date.month)),
        ("institution" if entry_type == "techreport" else "publisher",
         resource.publisher),
        ("abstract", resource.summary),
        ("keywords", ", ".join(_keywords(resource))),
        ("url", resource.get_full_url(request)),
        ("note", resource.get_resource_type_display()),
    ]  # fmt: skip
    lines = [f"@{entry_type}{{{bibtex_key(resource)},"]
    for name, value in fields:
        if value:
            lines.append(f"  {name} = {{{bibtex_escape(str(value))}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


# RIS -------------------------------------------------------------------------


def to_ris(resources, request):
    return "".join(_ris_record(resource, request) for resource in resources)


def _ris_record(resource, request):
    date = resource.publication_date
    tags = [
        ("TY", RIS_TYPES.get(resource.resource_type, "GEN")),
        ("TI", resource.title),
    ]
    for author in resource.author_list:
        tags.append(("AU", f"{author.family_name}, {author.given_names}".rstrip(", ")))
    tags += [
        ("PY", str(date.year)),
        ("DA", date.strftime("%Y/%m/%d")),
        ("PB", resource.publisher),
        ("AB", resource.summary),
    ]
    tags += [("KW", keyword) for keyword in _keywords(resource)]
    tags += [
        ("UR", resource.get_full_url(request)),
        ("M3", resource.get_resource_type_display()),
    ]
    lines = [f"{tag}  - {_one_line(str(value))}" for tag, value in tags if value]
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n\r\n"


# CSL-JSON --------------------------------------------------------------------


def csl_item(resource, request):
    date = resource.publication_date
    item = {
        "id": f"mmn-{resource.pk}",
        "type": CSL_TYPES.get(resource.resource_type, "document"),
        "title": resource.title,
        "author": [
            {"family": author.family_name, "given": author.given_names}
            if author.given_names
            else {"family": author.family_name}
            for author in resource.author_list
        ],
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "abstract": resource.summary,
        "URL": resource.get_full_url(request),
        "genre": str(resource.get_resource_type_display()),
        "language": resource.locale.language_code,
    }
    if resource.publisher:
        item["publisher"] = resource.publisher
    if keywords := _keywords(resource):
        item["keyword"] = ", ".join(keywords)
    return item


def to_csl_json(resources, request):
    items = [csl_item(resource, request) for resource in resources]
    return json.dumps(items, ensure_ascii=False, indent=2)


# Highwire Press meta tags (read by Google Scholar and similar indexers) ------


def highwire_tags(resource, request):
    """``(name, content)`` pairs for the ``citation_*`` meta tags of a page."""
    date = resource.publication_date
    tags = [("citation_title", resource.title)]
    tags += [
        ("citation_author", f"{author.family_name}, {author.given_names}".rstrip(", "))
        for author in resource.author_list
    ]
    tags += [
        ("citation_publication_date", date.strftime("%Y/%m/%d")),
        ("citation_language", resource.locale.language_code),
        ("citation_abstract_html_url", resource.get_full_url(request)),
    ]
    if resource.publisher:
        institution_tag = (
            "citation_technical_report_institution"
            if resource.resource_type in BIBTEX_TYPES
            else "citation_publisher"
        )
        tags.append((institution_tag, resource.publisher))
    if keywords := _keywords(resource):
        tags.append(("citation_keywords", "; ".join(keywords)))
    if not resource.is_members_only:
        tags += _pdf_tags(resource, request)
    return tags


def _pdf_tags(resource, request):
    pdfs = [f for f in resource.files_for_reader() if f.extension == "pdf"]
    if not pdfs:
        return []
    url = resource.get_full_url(request) + resource.reverse_subpage(
        "download", kwargs={"language": pdfs[0].language}
    )
    return [("citation_pdf_url", url)]
