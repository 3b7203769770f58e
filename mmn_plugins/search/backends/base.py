"""What a search backend is asked and what it answers."""

from dataclasses import dataclass, field

from ..text import Query


@dataclass(frozen=True)
class Viewer:
    """Who is searching, as far as search cares."""

    is_member: bool = False
    group_ids: tuple = ()
    sees_everything: bool = False

    @classmethod
    def of(cls, user):
        from mmn_plugins.core.membership import is_member

        if user is None or not user.is_authenticated or not user.is_active:
            return cls()
        if user.is_superuser:
            return cls(is_member=True, sees_everything=True)
        group_ids = tuple(sorted(user.groups.values_list("pk", flat=True)))
        return cls(is_member=is_member(user), group_ids=group_ids)


@dataclass(frozen=True)
class SearchRequest:
    query: Query
    viewer: Viewer = field(default_factory=Viewer)
    language: str = "en"
    kind: str = ""
    facets: dict = field(default_factory=dict)
    page: int = 1
    per_page: int = 20


@dataclass
class Hit:
    kind: str
    key: str
    title: str
    body: str
    url: str
    language: str
    date: object = None


@dataclass
class SearchResults:
    hits: list = field(default_factory=list)
    total: int = 0
    # True when more documents matched than were ranked (see MAX_CANDIDATES).
    is_capped: bool = False
    kind_counts: dict = field(default_factory=dict)
    facet_counts: dict = field(default_factory=dict)
    # The kind each "type" code belongs to, so its own source names it.
    type_kinds: dict = field(default_factory=dict)
    is_incomplete: bool = False
    backend: str = ""


class SearchBackendError(Exception):
    """The backend could not answer (unreachable, refused, broken)."""
