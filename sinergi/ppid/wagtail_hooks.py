from sinergi.casework.admin import add_rule_screen
from sinergi.ppid.admin import PpidSettingsViewSet

add_rule_screen(PpidSettingsViewSet("ppid_settings"))
import sinergi.ppid.request_wagtail_hooks  # noqa: E402, F401
from sinergi.ppid import dip_wagtail_hooks  # noqa: E402, F401
