"""Forms of the APBDes admin: the workbook upload and the regency admin's code table."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.finance import services
from sinergi.finance.models import BudgetCode, BudgetImport
from sinergi.finance.workbook import MAX_FILE_BYTES, WorkbookRefused, open_workbook

FIRST_YEAR = (
    2018  # Permendagri 20/2018 applies from fiscal year 2019; earlier budgets used Permendagri 113/2014
)


class BudgetYearForm(forms.Form):
    """What starting a version asks, whether from a workbook or typed: village, year, Perdes, reason."""

    village = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Desa"), empty_label=None)
    year = forms.TypedChoiceField(label=gettext_lazy("Tahun anggaran"), coerce=int)
    perdes_number = forms.CharField(label=gettext_lazy("Nomor Perdes APBDes"), max_length=100, required=False)
    perdes_date = forms.DateField(
        label=gettext_lazy("Tanggal Perdes"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    correction_reason = forms.CharField(
        label=gettext_lazy("Alasan koreksi"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Wajib bila versi yang sama sudah diterbitkan: apa yang dikoreksi dan mengapa."
        ),
    )

    def __init__(self, *args, villages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year + 1, FIRST_YEAR - 1, -1)]
        self.fields["year"].initial = this_year


class ImportForm(BudgetYearForm):
    target = forms.ChoiceField(label=gettext_lazy("Isi berkas"), choices=BudgetImport.Target.choices)
    file = forms.FileField(
        label=gettext_lazy("Berkas Excel (.xlsx)"),
        help_text=gettext_lazy("Templat Sinergi atau laporan APBDes Siskeudes; paling besar 5 MB."),
    )
    field_order = ["village", "year", "target", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.data_bytes = b""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Berkas terlalu besar (%(size)s MB). Batasnya %(max)s MB.")
                % {"size": round(upload.size / 1024 / 1024, 1), "max": MAX_FILE_BYTES // 1024 // 1024}
            )
        data = upload.read()
        try:
            values, formulas = open_workbook(data)
        except WorkbookRefused as refused:
            raise forms.ValidationError(str(refused)) from None
        values.close()
        formulas.close()
        self.data_bytes = data
        return upload

    def clean(self):
        cleaned = super().clean()
        village, year, target = cleaned.get("village"), cleaned.get("year"), cleaned.get("target")
        if village is None or year is None or not target:
            return cleaned
        reason = (cleaned.get("correction_reason") or "").strip()
        if target in (BudgetImport.Target.SEMESTER, BudgetImport.Target.YEAR):
            version = services.latest_published(village, year)
            if version is None:
                self.add_error(
                    "target",
                    _("Belum ada APBDes %(year)s yang diterbitkan untuk dilaporkan realisasinya.")
                    % {"year": year},
                )
            elif services.corrected_realisation(version, target) and not reason:
                self.add_error(
                    "correction_reason", _("Realisasi ini sudah diterbitkan: tulis alasan koreksinya.")
                )
        elif services.corrected_version(village, year, target) and not reason:
            self.add_error(
                "correction_reason",
                _("%(kind)s %(year)s sudah diterbitkan: tulis alasan koreksinya.")
                % {"kind": BudgetImport.Target(target).label, "year": year},
            )
        return cleaned


class CodeForm(forms.ModelForm):
    class Meta:
        model = BudgetCode
        fields = ["kind", "code", "name", "source", "needs_check", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A code already used in budgets keeps its kind and number; only its wording and source change.
            self.fields["kind"].disabled = True
            self.fields["code"].disabled = True

    def clean_code(self):
        code = self.cleaned_data["code"].strip().rstrip(".")
        kind = self.cleaned_data.get("kind") or self.instance.kind
        if kind == BudgetCode.Kind.FUND_SOURCE:
            if not code.isalnum() or not code.isupper():
                raise forms.ValidationError(_("Kode sumber dana: huruf besar tanpa spasi, misalnya DDS."))
        elif not all(part.isdigit() for part in code.split(".")):
            raise forms.ValidationError(_("Kode berupa angka bertitik, misalnya 4.2.1."))
        return code


class PerdesForm(forms.ModelForm):
    """The Perdes that adopted a version: number, date and its document from the village's collection.

    Not figures: it may be completed after publication (the document is often uploaded later)."""

    class Meta:
        from sinergi.finance.models import BudgetVersion

        model = BudgetVersion
        fields = ["perdes_number", "perdes_date", "perdes_document"]
        widgets = {"perdes_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.documents import get_document_model

        collection = self.instance.village.collection
        self.fields["perdes_document"].queryset = get_document_model().objects.filter(collection=collection)
