from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from sinergi.accounts.access import is_regency_admin
from sinergi.casework.admin import CitizenServicesGroup
from sinergi.casework.calendar import WorkingCalendar


@hooks.register("register_admin_viewset")
def register_citizen_service_rules():
    return CitizenServicesGroup()


class MissingCalendarPanel(Component):
    """On the regency admin's home: which year's national holidays the working-day clock lacks
    (this year and next), so that deadlines falling in it are not silently wrong."""

    name = "casework_missing_calendar"
    template_name = "casework/admin/calendar_panel.html"
    order = 40

    def __init__(self, missing):
        self.missing = missing

    def get_context_data(self, parent_context=None):
        return {"missing": self.missing, "add_url": reverse("casework_holidays:add")}


@hooks.register("construct_homepage_panels")
def add_missing_calendar_panel(request, panels):
    if not is_regency_admin(request.user):
        return
    missing = WorkingCalendar().missing_years()
    if missing:
        panels.append(MissingCalendarPanel(missing))
