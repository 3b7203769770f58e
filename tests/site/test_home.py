import pytest
from bs4 import BeautifulSoup


pytestmark = pytest.mark.django_db


def test_root_redirects_to_the_browser_language(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_home_page_says_its_language_and_direction(client, home_page):
    html = BeautifulSoup(client.get("/en/").content, "html.parser")

    assert html.html["lang"] == "en"
    assert html.html["dir"] == "ltr"
    assert html.h1.get_text(strip=True) == home_page.hero_title


def test_arabic_home_page_reads_right_to_left(client, arabic_home_page):
    response = client.get("/ar/")
    html = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert html.html["lang"] == "ar"
    assert html.html["dir"] == "rtl"
