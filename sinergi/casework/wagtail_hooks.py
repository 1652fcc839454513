from wagtail import hooks

from sinergi.casework.admin import CitizenServicesGroup


@hooks.register("register_admin_viewset")
def register_citizen_service_rules():
    return CitizenServicesGroup()
