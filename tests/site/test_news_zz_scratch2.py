import traceback
import pytest
from django.db import connection
from tests import factories

pytestmark = pytest.mark.django_db


def test_trace(client, home_page, settings, locales):
    settings.MMN_CORE_PAGE_CACHE_SECONDS = 0
    events = factories.make_event_index(home_page)
    ev = factories.make_event(events, "Registrable", time_zone="Europe/Athens")
    client.get("/en/events/registrable/")
    def wrapper(execute, sql, params, many, context):
        stack = [f for f in traceback.extract_stack() if "/work/main/" in f.filename and ".venv" not in f.filename or "wagtailmenus" in f.filename or "templatetags" in f.filename]
        print("Q:", sql[:80], "\n   ", "\n    ".join(f"{f.filename.split('/')[-2:]}:{f.lineno} {f.name}" for f in stack[-6:]))
        return execute(sql, params, many, context)
    with connection.execute_wrapper(wrapper):
        client.get("/en/events/registrable/")
