from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: people join through their organisation.

    Accounts are made by an invitation from a focal point or when moderators
    approve a membership application; the sign-up page says so instead of
    offering a form.
    """

    def is_open_for_signup(self, request):
        return False
