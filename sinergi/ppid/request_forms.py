"""Public forms of the PPID service: an information request and an objection (no JavaScript needed)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lokal import parse_nik

from sinergi.casework.guard import GuardedForm
from sinergi.ppid import request_law as law
from sinergi.ppid.request_models import InformationRequest

R = InformationRequest


class RequestForm(GuardedForm):
    requester_name = forms.CharField(label=gettext_lazy("Nama lengkap"), max_length=120)
    nik = forms.CharField(
        label=gettext_lazy("NIK (16 digit)"),
        max_length=40,
        required=False,
        help_text=gettext_lazy("Wajib bagi perorangan. Tidak pernah ditampilkan kepada publik."),
    )
    organisation = forms.CharField(
        label=gettext_lazy("Atau nama organisasi / badan hukum"),
        max_length=160,
        required=False,
        help_text=gettext_lazy("Isi bila Anda memohon atas nama organisasi; NIK boleh dikosongkan."),
    )
    address = forms.CharField(
        label=gettext_lazy("Alamat"), max_length=500, widget=forms.Textarea({"rows": 2})
    )
    phone = forms.CharField(label=gettext_lazy("Telepon / WhatsApp"), max_length=30, required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    information = forms.CharField(
        label=gettext_lazy("Informasi yang diminta"), max_length=3000, widget=forms.Textarea({"rows": 4})
    )
    purpose = forms.CharField(
        label=gettext_lazy("Tujuan penggunaan informasi"), max_length=1500, widget=forms.Textarea({"rows": 3})
    )
    form = forms.ChoiceField(
        label=gettext_lazy("Cara memperoleh informasi"), choices=R.Form.choices, widget=forms.RadioSelect
    )
    copy = forms.ChoiceField(
        label=gettext_lazy("Bentuk salinan"), choices=R.Copy.choices, widget=forms.RadioSelect, required=False
    )
    delivery = forms.ChoiceField(
        label=gettext_lazy("Cara pengiriman"), choices=R.Delivery.choices, widget=forms.RadioSelect
    )
    consent = forms.BooleanField(
        label=gettext_lazy(
            "Saya setuju data pribadi saya diproses oleh PPID desa hanya untuk melayani permohonan ini "
            "(UU 27/2022 tentang Pelindungan Data Pribadi)."
        ),
        error_messages={"required": gettext_lazy("Permohonan hanya dapat diproses dengan persetujuan ini.")},
    )

    def clean_nik(self):
        typed = self.cleaned_data.get("nik", "").strip()
        if not typed:
            return ""
        info = parse_nik(typed)
        if not info.valid:
            raise forms.ValidationError(_("NIK tidak valid: %(why)s") % {"why": info.errors[0].message})
        return info.nik

    def clean(self):
        data = super().clean()
        if not data.get("nik") and not (data.get("organisation") or "").strip() and "nik" not in self.errors:
            self.add_error("nik", _("Isi NIK Anda, atau nama organisasi bila memohon atas nama organisasi."))
        if not (data.get("phone") or "").strip() and not data.get("email"):
            self.add_error("phone", _("Isi nomor telepon atau e-mail agar PPID dapat menghubungi Anda."))
        if data.get("delivery") == R.Delivery.EMAIL and not data.get("email"):
            self.add_error("email", _("Isi e-mail bila informasi dikirim lewat e-mail."))
        return data

    def model_fields(self) -> dict:
        d = self.cleaned_data
        return {
            "requester_name": d["requester_name"].strip(),
            "nik": d["nik"],
            "organisation": d["organisation"].strip(),
            "address": d["address"].strip(),
            "phone": d["phone"].strip(),
            "email": d["email"],
            "information": d["information"].strip(),
            "purpose": d["purpose"].strip(),
            "form": d["form"],
            "copy": d["copy"],
            "delivery": d["delivery"],
        }


class ObjectionForm(GuardedForm):
    kode = forms.CharField(label=gettext_lazy("Kode lacak permohonan"), max_length=20)
    grounds = forms.MultipleChoiceField(
        label=gettext_lazy("Alasan keberatan (UU 14/2008 Pasal 35 ayat 1)"),
        choices=list(law.OBJECTION_GROUNDS.items()),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Pilih sedikitnya satu alasan keberatan.")},
    )
    reasons = forms.CharField(
        label=gettext_lazy("Uraian keberatan"), max_length=3000, widget=forms.Textarea({"rows": 4})
    )


class TrackForm(forms.Form):
    kode = forms.CharField(label=gettext_lazy("Kode lacak"), max_length=20)
