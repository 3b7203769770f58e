"""Write the forum's default permission set (safe to run again)."""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from machina.core.db.models import get_model

from mmn_plugins.forum.permissions import install_default_permissions, make_private


Forum = get_model("forum", "Forum")


class Command(BaseCommand):
    help = (
        "Give visitors read access to public forums, members the right to "
        "write, and the moderators' group every right; optionally make one "
        "forum private to some groups."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--private-forum",
            type=int,
            help="Id of a forum to make private (to the groups given with --group).",
        )
        parser.add_argument(
            "--group",
            action="append",
            default=[],
            help="Name of an auth group that may use the private forum (repeatable).",
        )

    def handle(self, *args, **options):
        moderators = install_default_permissions()
        self.stdout.write(
            f"Default forum permissions are in place; “{moderators.name}” moderate."
        )
        forum_pk = options["private_forum"]
        if forum_pk is None:
            return
        forum = Forum.objects.filter(pk=forum_pk).first()
        if forum is None:
            raise CommandError(f"There is no forum with id {forum_pk}.")
        groups = list(Group.objects.filter(name__in=options["group"]))
        missing = set(options["group"]) - {group.name for group in groups}
        if missing:
            raise CommandError(f"No such group: {', '.join(sorted(missing))}.")
        make_private(forum, groups)
        names = ", ".join(group.name for group in groups) or "moderators only"
        self.stdout.write(f"Forum “{forum.name}” is now private to: {names}.")
