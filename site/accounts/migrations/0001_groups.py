"""Create the Members, Moderators and Editors groups with their permissions."""

from django.db import migrations


def create_groups(apps, schema_editor):
    from accounts.groups import ensure_groups

    ensure_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
        ("wagtailmenus", "0023_remove_use_specific"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("mmn_core", "0001_topics"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
