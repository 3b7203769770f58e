"""Forum and category names in the reader's language, with a fallback."""

from mmn_plugins.forum.models import ForumTranslation


def test_names_and_descriptions_follow_the_language(client, forum, category):
    ForumTranslation.objects.create(
        forum=forum, language="fr", name="Éducation", description="Écoles et *cours*."
    )
    ForumTranslation.objects.create(forum=category, language="ar", name="المحاور")

    french = client.get("/fr/forum/").content.decode()
    assert "Éducation" in french and "Écoles et <em>cours</em>." in french
    assert "Themes" in french  # no French name: machina's own

    arabic = client.get(f"/ar/forum/{forum.pk}/").content.decode()
    assert "المحاور" in arabic  # the category, in the breadcrumbs
    assert 'dir="rtl"' in arabic or "rtl" in arabic
    assert "Education" in arabic  # no Arabic name for the forum itself

    english = client.get("/en/forum/").content.decode()
    assert "Education" in english and "Éducation" not in english


def test_editors_manage_names_in_the_wagtail_admin(client, admin_user, forum):
    client.force_login(admin_user)
    add_url = "/admin/forum/names/new/"
    assert client.get(add_url).status_code == 200
    response = client.post(
        add_url,
        {"forum": forum.pk, "language": "es", "name": "Educación", "description": ""},
    )
    assert response.status_code == 302
    assert ForumTranslation.objects.get(language="es").name == "Educación"
    # One name per language: a second Spanish name is a form error.
    again = client.post(
        add_url,
        {"forum": forum.pk, "language": "es", "name": "Otra", "description": ""},
    )
    assert again.status_code == 200
    assert ForumTranslation.objects.filter(language="es").count() == 1
    assert "Educación" in client.get("/es/forum/").content.decode()
