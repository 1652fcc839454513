"""Forms of the member side: sign-in, invitations, the report, activities and the lead's member list."""

import decimal
import uuid

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html, validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled
from lokal import parse_phone

from sinergi.kim.auth import canonical_identifier, normalized_phone, phone_variants
from sinergi.kim.models import Activity, KimMember, KimSettings

# Indonesia's extent, as for the village office location (VillageHomePage).
LATITUDE_RANGE = (decimal.Decimal(-11), decimal.Decimal(6))
LONGITUDE_RANGE = (decimal.Decimal(94), decimal.Decimal(142))
COORDINATE_PLACES = decimal.Decimal("0.000001")


def identifier_field():
    return forms.CharField(
        label=_("Nomor HP atau surel"),
        max_length=254,
        help_text=_("Contoh: 0812 3456 7890"),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


def clean_identifier_value(value: str) -> str:
    value = (value or "").strip()
    if "@" in value:
        if "." not in value.rsplit("@", 1)[-1]:
            raise ValidationError(_("Alamat surel ini tidak lengkap."), code="email")
        return value
    if not normalized_phone(value):
        raise ValidationError(
            _("Tulis nomor HP (misalnya 0812 3456 7890) atau alamat surel."), code="identifier"
        )
    return value


# --------------------------------------------------------------------------- signing in


class LoginForm(forms.Form):
    # Named "username" so sign-in throttling reads the same field. Anything typed is looked up: the
    # username `make demo` and the operator hand out, a phone number written any way, or an e-mail.
    username = forms.CharField(
        label=_("Nama pengguna, nomor HP atau surel"),
        max_length=254,
        help_text=_("Contoh: 0812 3456 7890"),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean_username(self):
        value = self.cleaned_data["username"].strip()
        return clean_identifier_value(value) if "@" in value else value

    @property
    def identifier(self) -> str:
        return canonical_identifier(self.cleaned_data["username"])


class NewPasswordForm(forms.Form):
    """A new password, twice, checked by the project's password validators."""

    password1 = forms.CharField(
        label=_("Kata sandi baru"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Kedua kata sandi tidak sama."))
        elif first and self.user is not None:
            self.check_password(first)
        return cleaned

    def check_password(self, password):
        try:
            validate_password(password, self.user)
        except ValidationError as error:
            self.add_error("password1", error)


class InvitationCodeForm(NewPasswordForm):
    identifier = identifier_field()
    code = forms.CharField(
        label=_("Kode undangan (6 angka)"),
        max_length=7,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*"}
        ),
    )
    field_order = ["identifier", "code", "password1", "password2"]

    def clean_identifier(self):
        return clean_identifier_value(self.cleaned_data["identifier"])

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if len(code) != 6 or not code.isdigit():
            raise ValidationError(_("Kode undangan terdiri dari 6 angka."), code="code")
        return code


# --------------------------------------------------------------------------- the report


class ReportForm(forms.Form):
    """The report as the member writes it. Photos are read from request.FILES by the view, one by one."""

    client_key = forms.UUIDField(required=False, widget=forms.HiddenInput)
    send_key = forms.UUIDField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Judul"),
        max_length=200,
        help_text=_("Singkat dan jelas, misalnya: Warga Dusun II Gotong Royong Membersihkan Parit"),
    )
    body = forms.CharField(
        label=_("Isi laporan"),
        max_length=20000,
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Ceritakan apa, siapa, kapan, di mana. Pisahkan paragraf dengan baris kosong."),
    )
    category = forms.ModelChoiceField(
        label=_("Kategori"), queryset=None, required=False, empty_label=_("— Pilih kategori —")
    )
    event_date = forms.DateField(
        label=_("Tanggal kejadian"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    place = forms.CharField(
        label=_("Tempat (dusun/RT)"), max_length=200, required=False, help_text=_("Misalnya: Dusun II RT 05")
    )
    latitude = forms.DecimalField(
        label=_("Lintang"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    longitude = forms.DecimalField(
        label=_("Bujur"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    consent_confirmed = forms.BooleanField(
        label=_("Orang yang ada di foto sudah setuju fotonya diterbitkan"), required=False
    )
    remove_photos = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())

    def __init__(self, *args, categories, report=None, **kwargs):
        if report is not None and not kwargs.get("data"):
            kwargs.setdefault("initial", {}).update(
                {
                    "client_key": report.client_key,
                    "title": report.title,
                    "body": report.body,
                    "category": report.category_id,
                    "event_date": report.event_date,
                    "place": report.place,
                    "latitude": report.latitude,
                    "longitude": report.longitude,
                    "consent_confirmed": report.consent_confirmed,
                }
            )
        kwargs.setdefault("initial", {}).setdefault("client_key", uuid.uuid4())
        kwargs["initial"]["send_key"] = uuid.uuid4()
        super().__init__(*args, **kwargs)
        self.report = report
        self.fields["category"].queryset = categories
        if report is not None:
            self.fields["remove_photos"].choices = [(p.pk, p.pk) for p in report.photos.all()]

    def _clean_coordinate(self, name, bounds):
        value = self.cleaned_data.get(name)
        if value is None:
            return None
        if not bounds[0] <= value <= bounds[1]:
            raise ValidationError(_("Koordinat ini di luar wilayah Indonesia."), code="range")
        return value.quantize(COORDINATE_PLACES, rounding=decimal.ROUND_HALF_UP)

    def clean_title(self):
        # One line, as the field shows it: a title pasted with line breaks or tabs becomes single spaces.
        return " ".join(self.cleaned_data["title"].split())

    def clean_place(self):
        return " ".join(self.cleaned_data["place"].split())

    def clean_latitude(self):
        return self._clean_coordinate("latitude", LATITUDE_RANGE)

    def clean_longitude(self):
        return self._clean_coordinate("longitude", LONGITUDE_RANGE)

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None) and not (
            self.has_error("latitude") or self.has_error("longitude")
        ):
            raise ValidationError(_("Isi lintang dan bujur bersama-sama, atau kosongkan keduanya."))
        return cleaned

    def report_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "body": data["body"],
            "category": data["category"],
            "event_date": data["event_date"],
            "place": data["place"],
            "latitude": data["latitude"],
            "longitude": data["longitude"],
            "consent_confirmed": data["consent_confirmed"],
        }


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["kind", "date", "place", "people_reached", "description"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "people_reached": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }


# --------------------------------------------------------------------------- the lead's member list


class MemberForm(forms.ModelForm):
    """A new member of the lead's own KIM. Only the village operator appoints a ketua."""

    class Meta:
        model = KimMember
        fields = ["name", "position", "phone", "email", "is_civil_servant"]
        widgets = {
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, kim, **kwargs):
        super().__init__(*args, **kwargs)
        self.kim = self.instance.kim = kim
        self.fields["position"].choices = [
            c for c in KimMember.Position.choices if c[0] != KimMember.Position.CHAIR
        ]
        self.forbid_civil_servants = KimSettings.for_regency(
            kim.village.district.regency
        ).forbid_civil_servants
        if not self.forbid_civil_servants:
            del self.fields["is_civil_servant"]

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if not value:
            return ""
        info = parse_phone(value)
        if not info.valid or info.type != "mobile":
            raise ValidationError(_("Tulis nomor HP yang benar, misalnya 0812 3456 7890."), code="phone")
        with scopes_disabled():
            taken = KimMember.objects.filter(phone__in=phone_variants(info.e164)).exists()
        if taken:
            raise ValidationError(_("Nomor HP ini sudah terdaftar sebagai anggota KIM."), code="taken")
        return info.national

    def clean_email(self):
        value = self.cleaned_data["email"].strip().lower()
        if value:
            with scopes_disabled():
                taken = KimMember.objects.filter(email__iexact=value).exists()
            if taken:
                raise ValidationError(_("Surel ini sudah terdaftar sebagai anggota KIM."), code="taken")
        return value

    def clean(self):
        cleaned = super().clean()
        no_contact = not cleaned.get("phone") and not cleaned.get("email")
        if no_contact and not self.has_error("phone") and not self.has_error("email"):
            raise ValidationError(_("Isi nomor HP atau surel: itulah yang dipakai anggota untuk masuk."))
        if self.forbid_civil_servants and cleaned.get("is_civil_servant"):
            self.add_error("is_civil_servant", _("Di kabupaten ini ASN tidak boleh menjadi anggota KIM."))
        return cleaned
