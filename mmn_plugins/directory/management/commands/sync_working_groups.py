"""Bring every working group's auth group up to date (run it daily: roles
and focal points end on a date, which no save announces)."""

from django.core.management.base import BaseCommand

from mmn_plugins.directory.working_groups import sync_working_groups


class Command(BaseCommand):
    help = "Sync each working group's auth group with its people."

    def handle(self, *args, **options):
        sync_working_groups()
        self.stdout.write("Working groups synced.")
