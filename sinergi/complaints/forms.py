"""The citizen's forms: a new complaint, additions to it, confirmation and reopening."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.casework.guard import GuardedForm
from sinergi.complaints.models import MAX_PHOTOS, Complaint
from sinergi.kim.photos import clean_photo


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to MAX_PHOTOS photos, each cleaned by the KIM photo rules (sinergi.kim.photos.clean_photo)."""

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/heic"})

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_PHOTOS:
            raise ValidationError(_("Maksimal %(n)s foto.") % {"n": MAX_PHOTOS})
        cleaned, errors = [], []
        for uploaded in files:
            try:
                cleaned.append(clean_photo(uploaded))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


def _coordinate(value: str, low: Decimal, high: Decimal, message: str) -> Decimal | None:
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValidationError(message) from None
    if not number.is_finite() or not low <= number <= high:
        raise ValidationError(message)
    return number.quantize(Decimal("0.000001"))


class ComplaintForm(GuardedForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("Jenis"),
        choices=Complaint.Kind.choices,
        widget=forms.RadioSelect,
        initial="pengaduan",
    )
    category = forms.ChoiceField(label=gettext_lazy("Kategori"))
    title = forms.CharField(label=gettext_lazy("Judul singkat"), max_length=120)
    description = forms.CharField(
        label=gettext_lazy("Uraian"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Apa yang terjadi, sejak kapan, siapa yang terdampak."),
    )
    location_text = forms.CharField(
        label=gettext_lazy("Lokasi"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Mis. RT 05, depan masjid, jalan poros Sebuntal km 3."),
    )
    latitude = forms.CharField(label=gettext_lazy("Lintang (opsional)"), max_length=20, required=False)
    longitude = forms.CharField(label=gettext_lazy("Bujur (opsional)"), max_length=20, required=False)
    photos = PhotosField(
        label=gettext_lazy("Foto (paling banyak 3)"),
        required=False,
        help_text=gettext_lazy("JPG, PNG atau WebP. Lokasi dan data kamera di dalam foto dihapus."),
    )
    name = forms.CharField(label=gettext_lazy("Nama"), max_length=100, required=False)
    email = forms.EmailField(
        label=gettext_lazy("E-mail (opsional)"),
        required=False,
        help_text=gettext_lazy("Kami kirim kode lacak dan kabar perkembangan ke alamat ini."),
    )
    phone = forms.CharField(label=gettext_lazy("Nomor telepon (opsional)"), max_length=30, required=False)
    show_name = forms.BooleanField(
        label=gettext_lazy("Tampilkan nama saya di halaman publik"), required=False
    )
    may_publish = forms.BooleanField(
        label=gettext_lazy("Pengaduan ini boleh ditampilkan untuk umum (tanpa kontak saya)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, categories=(), area=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = {str(c.pk): c for c in categories}
        self.fields["category"].choices = [("", _("— pilih —")), *[(str(c.pk), c.name) for c in categories]]
        self.area = area

    def clean_category(self):
        category = self.categories.get(self.cleaned_data["category"])
        if category is None:
            raise ValidationError(_("Pilih kategori."))
        return category

    def clean_latitude(self):
        return _coordinate(
            self.cleaned_data.get("latitude"),
            Decimal(-90),
            Decimal(90),
            _("Lintang harus angka antara -90 dan 90."),
        )

    def clean_longitude(self):
        return _coordinate(
            self.cleaned_data.get("longitude"),
            Decimal(-180),
            Decimal(180),
            _("Bujur harus angka antara -180 dan 180."),
        )

    def clean(self):
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (
            (lat is None) != (lon is None)
            and not self.has_error("latitude")
            and not self.has_error("longitude")
        ):
            self.add_error("longitude", _("Isi lintang dan bujur bersama-sama, atau kosongkan keduanya."))
        elif lat is not None and self.area is not None and not self.area.contains(lat, lon):
            self.add_error(
                "latitude",
                _(
                    "Titik %(lat)s, %(lon)s berada di luar wilayah kabupaten. Periksa angkanya, atau "
                    "kosongkan dan tuliskan lokasinya dengan kata-kata."
                )
                % {"lat": lat, "lon": lon},
            )
        if data.get("show_name") and not (data.get("name") or "").strip():
            self.add_error("name", _("Tuliskan nama Anda jika ingin nama ditampilkan."))
        return data


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Keterangan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class TrackForm(forms.Form):
    kode = forms.CharField(label=gettext_lazy("Kode lacak"), max_length=30)
