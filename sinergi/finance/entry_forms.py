"""Forms for typing a budget and its realisation by hand (`sinergi.finance.entry_views`).

They apply the import's rules (`sinergi.finance.workbook`): codes from the regency's code table, whole
rupiah ("1.250.000" or "1250000", never a decimal), a kegiatan code as bidang.sub-bidang.kegiatan.
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.core.formatting import rupiah
from sinergi.finance.admin_forms import BudgetYearForm
from sinergi.finance.entry import AccountRow, ActivityData, RealisedValue, SpendingRow
from sinergi.finance.models import BudgetVersion, Realisation, RealisationItem
from sinergi.finance.workbook import ACTIVITY_CODE, CODE, Codes, amount_of, code_of, text, volume_of

START_CHOICES = [
    ("", gettext_lazy("Kosong")),
    ("tahun_ini", gettext_lazy("Salin versi terakhir tahun ini yang sudah diterbitkan")),
    ("tahun_lalu", gettext_lazy("Salin APBDes tahun sebelumnya yang terakhir diterbitkan")),
]


class RupiahField(forms.CharField):
    """Whole rupiah typed as 1250000, 1.250.000 or Rp 1.250.000."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "class": "apb-amount"}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in (None, "") and not self.required:
            return None
        amount = amount_of(value)
        if isinstance(amount, str):
            raise forms.ValidationError(amount)
        return amount


class NewDraftForm(BudgetYearForm):
    kind = forms.ChoiceField(label=gettext_lazy("Jenis"), choices=BudgetVersion.Kind.choices)
    start = forms.ChoiceField(label=gettext_lazy("Mulai dari"), choices=START_CHOICES, required=False)
    field_order = ["village", "year", "kind", "start"]


class AccountLineForm(forms.Form):
    """One pendapatan (4.x) or pembiayaan (6.x) line; the name defaults to the code's name."""

    code = forms.CharField(label=gettext_lazy("Kode"), max_length=20)
    name = forms.CharField(label=gettext_lazy("Uraian"), max_length=255, required=False)
    amount = RupiahField(label=gettext_lazy("Anggaran (Rp)"))

    def __init__(self, *args, codes: Codes, kind: str, root: str, **kwargs):
        self.codes, self.kind, self.root = codes, kind, root
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update({"list": f"kode-{kind}", "class": "apb-code"})

    def clean_code(self):
        code = code_of(self.cleaned_data["code"])
        if not CODE.match(code) or not code.startswith(self.root + "."):
            raise forms.ValidationError(
                _("Kode \u201c%(code)s\u201d bukan kode akun %(root)s.")
                % {"code": text(code, 30), "root": self.root}
            )
        if not self.codes.account_known(self.kind, code):
            raise forms.ValidationError(_("Kode %(code)s tidak ada di tabel kode.") % {"code": code})
        return code

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("code")
        if code and not text(cleaned.get("name")):
            cleaned["name"] = self.codes.name(self.kind, code) or code
        return cleaned


class BaseAccountFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), **self.form_kwargs}

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            if not form.has_changed() or self._should_delete_form(form):
                continue
            code = form.cleaned_data["code"]
            if code in seen:
                raise forms.ValidationError(_("Kode %(code)s diisi dua kali.") % {"code": code})
            seen.add(code)
        for code in seen:
            parent = next((p for p in seen if code.startswith(p + ".")), None)
            if parent:
                raise forms.ValidationError(
                    _(
                        "%(parent)s dan rinciannya %(code)s tidak boleh sama-sama diisi: "
                        "isi rinciannya saja, jumlahnya dihitung Sinergi."
                    )
                    % {"parent": parent, "code": code}
                )

    def rows(self) -> list[AccountRow]:
        return [
            AccountRow(f.cleaned_data["code"], f.cleaned_data["name"], f.cleaned_data["amount"])
            for f in self.forms
            if f.has_changed() and not self._should_delete_form(f)
        ]


AccountFormSet = forms.formset_factory(
    AccountLineForm, formset=BaseAccountFormSet, extra=3, can_delete=True, max_num=300, validate_max=True
)


class ActivityForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kode kegiatan"),
        max_length=20,
        help_text=gettext_lazy("bidang.sub-bidang.kegiatan, misalnya 2.3.01"),
    )
    name = forms.CharField(label=gettext_lazy("Nama kegiatan"), max_length=255)
    location = forms.CharField(label=gettext_lazy("Lokasi"), max_length=255, required=False)
    volume = forms.CharField(label=gettext_lazy("Volume"), max_length=20, required=False)
    unit = forms.CharField(label=gettext_lazy("Satuan"), max_length=50, required=False)
    implementer = forms.CharField(
        label=gettext_lazy("Pelaksana"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Misalnya Tim Pelaksana Kegiatan (TPK) atau Kasi Pemerintahan."),
    )

    def __init__(self, *args, codes: Codes, **kwargs):
        self.codes = codes
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = code_of(self.cleaned_data["code"])
        match = ACTIVITY_CODE.match(code)
        if not match:
            raise forms.ValidationError(
                _(
                    "Kode kegiatan \u201c%(code)s\u201d tidak sesuai pola bidang.sub-bidang.kegiatan (misalnya 2.3.01)."
                )
                % {"code": text(code, 30)}
            )
        subfield = f"{match.group(1)}.{match.group(2)}"
        if not self.codes.known("bidang", subfield):
            raise forms.ValidationError(_("Sub-bidang %(code)s tidak dikenal.") % {"code": subfield})
        return code

    def clean_volume(self):
        volume = volume_of(self.cleaned_data["volume"].strip())
        if isinstance(volume, str):
            raise forms.ValidationError(volume)
        return volume

    def data_object(self) -> ActivityData:
        c = self.cleaned_data
        return ActivityData(
            c["code"],
            text(c["name"]),
            text(c["location"]),
            c["volume"],
            text(c["unit"], 50),
            text(c["implementer"]),
        )


class SpendingLineForm(forms.Form):
    spending_type = forms.ChoiceField(label=gettext_lazy("Jenis belanja"))
    fund_source = forms.ChoiceField(label=gettext_lazy("Sumber dana"))
    amount = RupiahField(label=gettext_lazy("Anggaran (Rp)"))

    def __init__(self, *args, codes: Codes, **kwargs):
        super().__init__(*args, **kwargs)
        types = codes.names.get("jenis_belanja", {})
        self.fields["spending_type"].choices = [(c, f"{c} {n}") for c, n in sorted(types.items()) if c != "5"]
        sources = codes.names.get("sumber_dana", {})
        self.fields["fund_source"].choices = [(c, f"{c} \u2014 {n}") for c, n in sorted(sources.items())]


class BaseSpendingFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), **self.form_kwargs}

    def clean(self):
        if any(self.errors):
            return
        if not self.rows():
            raise forms.ValidationError(_("Isi paling sedikit satu baris belanja untuk kegiatan ini."))

    def rows(self) -> list[SpendingRow]:
        return [
            SpendingRow(
                f.cleaned_data["spending_type"], f.cleaned_data["fund_source"], f.cleaned_data["amount"]
            )
            for f in self.forms
            if f.has_changed()
            and not self._should_delete_form(f)
            and f.cleaned_data.get("amount") is not None
        ]


SpendingFormSet = forms.formset_factory(
    SpendingLineForm, formset=BaseSpendingFormSet, extra=2, can_delete=True, max_num=50, validate_max=True
)


class NewRealisationForm(forms.Form):
    period = forms.ChoiceField(label=gettext_lazy("Periode"), choices=Realisation.Period.choices)
    correction_reason = forms.CharField(
        label=gettext_lazy("Alasan koreksi"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Wajib bila realisasi periode ini sudah diterbitkan."),
    )


class RealisedForm(forms.Form):
    """The realised amount of one row of a report; a kegiatan also has its status (Pasal 72)."""

    amount = RupiahField(label=gettext_lazy("Realisasi (Rp)"))
    status = forms.ChoiceField(
        label=gettext_lazy("Status kegiatan"),
        choices=[("", "\u2014"), *RealisationItem.Status.choices],
        required=False,
    )
    note = forms.CharField(label=gettext_lazy("Keterangan"), max_length=255, required=False)

    def __init__(self, *args, item, budget: int, label: str, **kwargs):
        self.item, self.budget, self.label = item, budget, label
        super().__init__(*args, prefix=f"baris-{item.pk}", **kwargs)
        if item.part != RealisationItem.Part.SPENDING:
            del self.fields["status"]

    def clean(self):
        cleaned = super().clean()
        amount = cleaned.get("amount")
        if self.item.part == RealisationItem.Part.SPENDING and amount is not None and amount > self.budget:
            self.add_error(
                "amount",
                _("Realisasi melebihi anggaran kegiatan (%(budget)s).") % {"budget": rupiah(self.budget)},
            )
        return cleaned

    def value(self) -> RealisedValue:
        c = self.cleaned_data
        return RealisedValue(c["amount"], c.get("status", ""), text(c["note"]))
