"""Machine translation is off by default and named by an environment variable."""

import json

from tests.site.test_settings_production import REQUIRED, run


PRINT_TRANSLATOR = """
import json
from django.conf import settings
print(json.dumps(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))
"""


def translator_setting(**env):
    result = run(["-c", PRINT_TRANSLATOR], **{**REQUIRED, **env})
    return result, (json.loads(result.stdout) if result.returncode == 0 else None)


def test_machine_translation_is_off_by_default():
    result, setting = translator_setting()

    assert result.returncode == 0, result.stderr
    assert setting is None


def test_machine_translator_comes_from_the_environment():
    result, setting = translator_setting(
        MACHINE_TRANSLATOR="wagtail_localize.machine_translators.libretranslate."
        "LibreTranslator",
        MACHINE_TRANSLATOR_OPTIONS='{"LIBRETRANSLATE_URL": "http://mt.internal:5000"}',
    )

    assert result.returncode == 0, result.stderr
    assert setting == {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": "http://mt.internal:5000"},
    }


def test_options_that_are_not_json_stop_the_site_clearly():
    result, _setting = translator_setting(
        MACHINE_TRANSLATOR="x.Y", MACHINE_TRANSLATOR_OPTIONS="{not json"
    )

    assert result.returncode != 0
    assert "MACHINE_TRANSLATOR_OPTIONS is not a JSON object" in result.stderr
