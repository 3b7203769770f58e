from django.core.management.base import BaseCommand
from django.db import transaction

from demo.builders import build_demo_network


class Command(BaseCommand):
    help = (
        "Build the demo network: pages in several languages, news and press "
        "releases, events, forms, menus, demo accounts, and the demo content of "
        "every installed plugin. Safe to run again: what exists is reused."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            required=True,
            help="Password of every demo account (demo only: never in production).",
        )

    def handle(self, *args, password, **options):
        with transaction.atomic():
            build_demo_network(password=password, stdout=self.stdout, style=self.style)
        self.stdout.write(self.style.SUCCESS("The demo network is ready."))
