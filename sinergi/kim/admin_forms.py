"""Forms of the KIM registry in the Wagtail admin: a KIM, its members, and the regency's KIM rules."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled
from lokal import parse_phone
from wagtail.admin.widgets import AdminDateInput
from wagtail.documents import get_document_model
from wagtail.documents.widgets import AdminDocumentChooser

from sinergi.kim.auth import phone_variants
from sinergi.kim.models import Kim, KimClassification, KimMember, KimSettings


def https_by_default(field, **kwargs):
    """Model fields to form fields, with a typed-in web address without scheme taken as https."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class KimForm(forms.ModelForm):
    """A KIM of one village; its classification and decree come from that village's regency and collection.

    `villages` are the villages the user manages: a new KIM is created in one of them (chosen when
    there are several), an existing KIM stays in its village.
    """

    village = forms.ModelChoiceField(queryset=None, label=_("Desa/kelurahan"))
    decree_upload = forms.FileField(
        label=_("Unggah pindaian SK"),
        required=False,
        help_text=_(
            "PDF atau dokumen kantor; disimpan di koleksi dokumen desa. Kosongkan jika memilih dokumen."
        ),
    )

    class Meta:
        model = Kim
        formfield_callback = https_by_default
        fields = [
            "name", "classification", "is_active", "decree_number", "decree_date", "decree_document",
            "formed_on", "address", "phone", "email", "website", "facebook", "instagram", "youtube", "tiktok",
            "description",
        ]  # fmt: skip
        widgets = {
            "decree_date": AdminDateInput,
            "formed_on": AdminDateInput,
            "decree_document": AdminDocumentChooser,
            "address": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, villages, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            del self.fields["village"]
            regencies = [self.instance.village.district.regency_id]
            collections = [self.instance.village.collection_id]
        else:
            self.fields["village"].queryset = villages
            self.fields["village"].empty_label = None
            regencies = {v.district.regency_id for v in villages}
            collections = [v.collection_id for v in villages]
        self.fields["classification"].queryset = KimClassification.objects.filter(regency_id__in=regencies)
        self.fields["decree_document"].queryset = get_document_model().objects.filter(
            collection_id__in=collections
        )

    @property
    def target_village(self):
        if self.instance.pk:
            return self.instance.village
        return self.cleaned_data.get("village")

    def clean_decree_upload(self):
        upload = self.cleaned_data.get("decree_upload")
        if upload and upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise ValidationError(
                _("Berkas terlalu besar (maksimal %(mb)s MB)."),
                params={"mb": settings.WAGTAILDOCS_MAX_UPLOAD_SIZE // (1024 * 1024)},
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        village = self.target_village
        if village is None:
            return cleaned
        # The model's village is not editable through forms: only this checked choice places a new KIM.
        self.instance.village = village
        classification = cleaned.get("classification")
        if classification and classification.regency_id != village.district.regency_id:
            self.add_error("classification", _("Klasifikasi ini bukan milik kabupaten desa tersebut."))
        document = cleaned.get("decree_document")
        if document and document.collection_id != village.collection_id:
            self.add_error("decree_document", _("Pilih dokumen dari koleksi dokumen desa ini."))
        upload = cleaned.get("decree_upload")
        if upload:
            self.decree_to_store = get_document_model()(
                title=str(_("SK %(name)s")) % {"name": cleaned.get("name") or self.instance.name},
                collection=village.collection,
                uploaded_by_user=self.user,
                file=upload,
            )
            try:
                self.decree_to_store.clean()  # extension and content checks (sinergi.core.models)
            except ValidationError as error:
                self.add_error(
                    "decree_upload", getattr(error, "message_dict", {}).get("file") or error.messages
                )
        return cleaned

    def save(self, commit=True):
        kim = super().save(commit=False)
        document = getattr(self, "decree_to_store", None)
        if document is not None:
            document._set_document_file_metadata()
            document.save()
            kim.decree_document = document
        if commit:
            kim.save()
        return kim


class KimMemberForm(forms.ModelForm):
    """A member of a KIM, as the village operator registers them; the regency may forbid civil servants."""

    YES, NO = "ya", "tidak"

    class Meta:
        model = KimMember
        fields = ["name", "position", "phone", "email", "joined_on", "is_civil_servant"]
        widgets = {"joined_on": AdminDateInput}

    def __init__(self, *args, kim, **kwargs):
        super().__init__(*args, **kwargs)
        self.kim = self.instance.kim = kim
        self.rules = KimSettings.for_regency(kim.village.district.regency)
        if self.rules.forbid_civil_servants:
            del self.fields["is_civil_servant"]
            initial = None
            if self.instance.pk:
                initial = self.YES if self.instance.is_civil_servant else self.NO
            self.fields["civil_servant"] = forms.ChoiceField(
                label=_("Apakah anggota ini ASN/PNS?"),
                choices=[(self.NO, _("Tidak")), (self.YES, _("Ya"))],
                widget=forms.RadioSelect,
                initial=initial,
                help_text=_("Aturan kabupaten: anggota KIM tidak boleh ASN/PNS."),
            )

    def clean_phone(self):
        """A mobile number (members sign in and receive codes with it), stored as 0812-3456-7890 like
        the member side does, and unique among all KIM members: an ambiguous number signs nobody in."""
        value = self.cleaned_data.get("phone", "").strip()
        if not value:
            return ""
        info = parse_phone(value)
        if not info.valid or info.type != "mobile":
            reason = info.errors[0].message if info.errors else _("bukan nomor HP")
            raise ValidationError(
                _("Nomor HP tidak sah (%(reason)s). Contoh yang benar: 0812 3456 7890."),
                params={"reason": reason},
            )
        with scopes_disabled():
            taken = KimMember.objects.filter(phone__in=phone_variants(info.e164)).exclude(pk=self.instance.pk)
            if taken.exists():
                raise ValidationError(_("Nomor HP ini sudah terdaftar untuk anggota KIM lain."))
        return info.national

    def clean_email(self):
        value = self.cleaned_data.get("email", "").strip().lower()
        if value:
            with scopes_disabled():
                taken = KimMember.objects.filter(email__iexact=value).exclude(pk=self.instance.pk)
                if taken.exists():
                    raise ValidationError(_("Surel ini sudah terdaftar untuk anggota KIM lain."))
        return value

    def clean_civil_servant(self):
        if self.cleaned_data["civil_servant"] == self.YES:
            raise ValidationError(
                _(
                    "Anggota KIM di %(regency)s tidak boleh ASN/PNS (aturan kabupaten), "
                    "jadi anggota ini tidak bisa didaftarkan."
                ),
                params={"regency": self.kim.village.district.regency.name},
            )
        return self.NO

    def clean_position(self):
        position = self.cleaned_data["position"]
        if position == KimMember.Position.CHAIR:
            chairs = KimMember.objects.filter(kim=self.kim, position=KimMember.Position.CHAIR, is_active=True)
            if self.instance.pk:
                chairs = chairs.exclude(pk=self.instance.pk)
            chair = chairs.first()
            if chair:
                raise ValidationError(
                    _("KIM ini sudah punya ketua aktif (%(name)s). Ubah dulu jabatan ketua yang lama."),
                    params={"name": chair.name},
                )
        return position

    def save(self, commit=True):
        member = super().save(commit=False)
        if "civil_servant" in self.cleaned_data:
            member.is_civil_servant = False  # only "tidak" gets this far
        if commit:
            member.save()
        return member


class KimClassificationForm(forms.ModelForm):
    class Meta:
        model = KimClassification
        fields = ["name", "order"]

    def __init__(self, *args, regency, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.regency = regency

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = KimClassification.objects.filter(regency=self.instance.regency, name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Klasifikasi dengan nama ini sudah ada."))
        return name


class KimSettingsForm(forms.ModelForm):
    class Meta:
        model = KimSettings
        fields = ["forbid_civil_servants", "review_reminder_days"]

    def clean_review_reminder_days(self):
        days = self.cleaned_data["review_reminder_days"]
        if days < 1:
            raise ValidationError(_("Paling sedikit 1 hari."))
        return days
