"""Every language version of a debate shows the same thread."""

import pytest

from mmn_plugins.debates.models import DebateComment
from tests import factories

from .conftest import argue, argument_data, login, reply_to, route


pytestmark = pytest.mark.django_db


@pytest.fixture
def versions(debate, locales):
    french = factories.translate_page(debate, "fr", title="Débat")
    arabic = factories.translate_page(debate, "ar", title="نقاش")
    return debate, french, arabic


def test_comment_on_one_version_shows_on_all(versions, member, others, client):
    english, french, arabic = versions
    argument = argue(french, member, "Un argument en français.")
    reply_to(arabic, argument, others[0], "رد بالعربية")

    for page in versions:
        html = client.get(page.url).content.decode()
        assert "Un argument en français." in html
        assert "رد بالعربية" in html


def test_each_comment_is_marked_with_its_language(versions, member, others, client):
    english, french, arabic = versions
    login(member).post(route(arabic, "argue"), argument_data(arabic, "حجة"))

    comment = DebateComment.objects.get()
    assert comment.language == "ar"
    assert comment.object_pk == str(english.pk)  # The source version holds the thread.
    html = client.get(french.url).content.decode()
    assert f'id="c{comment.pk}"' in html
    assert 'lang="ar"' in html.split(f'id="c{comment.pk}"', 1)[1][:200]


def test_reply_form_of_one_version_accepts_a_comment_of_another(
    versions, member, others
):
    english, french, _arabic = versions
    argument = argue(english, member)

    response = login(others[0]).post(
        route(french, "reply", argument.pk),
        {"debate": french.pk, "parent": argument.pk, "comment": "Réponse."},
    )

    assert response.status_code == 302
    assert DebateComment.objects.get(level=1).language == "fr"


def test_conclusion_shows_in_every_version(versions, moderator, client):
    english, french, arabic = versions
    login(moderator).post(route(french, "close"), {"conclusion": "Conclusion commune."})

    for page in versions:
        assert "Conclusion commune." in client.get(page.url).content.decode()
