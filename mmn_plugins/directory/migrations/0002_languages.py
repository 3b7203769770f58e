"""The languages organisations work in and people speak.

The languages of Europe and the Mediterranean; a site adds more rows in the
Django admin or a migration of its own. Names are the English names, shown
when Django has no translation of a language's name.
"""

from django.db import migrations


LANGUAGES = [
    ("ar", "Arabic"), ("bg", "Bulgarian"), ("bs", "Bosnian"), ("ca", "Catalan"),
    ("cs", "Czech"), ("da", "Danish"), ("de", "German"), ("el", "Greek"),
    ("en", "English"), ("es", "Spanish"), ("et", "Estonian"), ("fa", "Persian"),
    ("fi", "Finnish"), ("fr", "French"), ("ga", "Irish"), ("he", "Hebrew"),
    ("hr", "Croatian"), ("hu", "Hungarian"), ("hy", "Armenian"), ("it", "Italian"),
    ("ka", "Georgian"), ("ku", "Kurdish"), ("lt", "Lithuanian"), ("lv", "Latvian"),
    ("mk", "Macedonian"), ("mt", "Maltese"), ("nl", "Dutch"), ("pl", "Polish"),
    ("pt", "Portuguese"), ("ro", "Romanian"), ("ru", "Russian"), ("sk", "Slovak"),
    ("sl", "Slovenian"), ("sq", "Albanian"), ("sr", "Serbian"), ("sv", "Swedish"),
    ("ti", "Tigrinya"), ("tr", "Turkish"), ("uk", "Ukrainian"), ("ur", "Urdu"),
]  # fmt: skip


def add_languages(apps, schema_editor):
    Language = apps.get_model("mmn_directory", "Language")
    for code, name in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("mmn_directory", "0001_organisations_people_applications")]

    operations = [migrations.RunPython(add_languages, migrations.RunPython.noop)]
