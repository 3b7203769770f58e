from . import settings as core_settings


def mmn_core(request):
    """Give every template the base template that plugin templates extend."""
    return {"mmn_base_template": core_settings.get("MMN_BASE_TEMPLATE")}
