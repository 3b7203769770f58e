"""Apply the roles again: Wagtail's page rights for moderators go to editors.

Wagtail's own migrations give its "Moderators" group the right to edit and
publish every page and make it the approver of the default workflow; on this
site moderators look after the community and editors after the pages.
"""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from accounts.groups import ensure_groups

    ensure_groups(apps)


class Migration(migrations.Migration):
    dependencies = [("mmn_accounts", "0001_groups")]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
