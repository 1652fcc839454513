"""The admin's sign-in form in Indonesian (WAGTAILADMIN_USER_LOGIN_FORM)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class SinergiLoginForm(LoginForm):
    """Wagtail's form with labelled fields: its password field has no label, so Django shows the
    untranslated field name ("Password") to every operator."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Nama pengguna")
        self.fields["password"].label = _("Kata sandi")
