"""The PPID page's admin form: the PPID and its superior are chosen among this village's officials only,
and the SK PPID among this village's documents."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from sinergi.core.pages import STEPLEN, VILLAGE_DEPTH


class PpidPageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        from wagtail.documents import get_document_model

        from sinergi.regions.models import Village
        from sinergi.villages.models import Official

        path = self.instance.path if self.instance.pk else getattr(parent_page, "path", "")
        home_path = path[: VILLAGE_DEPTH * STEPLEN] if len(path) >= VILLAGE_DEPTH * STEPLEN else None
        officials = Official.objects.none()
        documents = get_document_model().objects.none()
        if home_path:
            officials = Official.objects.filter(page__path__startswith=home_path).order_by(
                "page_id", "sort_order"
            )
            village = Village.objects.filter(page__path=home_path).select_related("collection").first()
            if village is not None and village.collection is not None:
                documents = get_document_model().objects.filter(
                    collection__path__startswith=village.collection.path
                )
        for name in ("ppid_official", "superior_official"):
            if name in self.fields:
                self.fields[name].queryset = officials
                self.fields[name].empty_label = _("(otomatis dari daftar perangkat desa)")
        if "decree" in self.fields:
            self.fields["decree"].queryset = documents
