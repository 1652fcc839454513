"""Permission matrix: every URL pattern of the project and of Wagtail, against three outsiders.

The patterns are read from Django's URL resolver (recursively, named or not), so a new app, a new
Wagtail version or a new view is in the matrix without editing this file. Path parameters are filled
with Desa Sebuntal's objects (pages, image, document, collection, operator, operators' group,
revision, workflow state, editing session, upload, redirect, view restriction ...); a parameter
that names nothing of Sebuntal's gets a plausible value recorded in PLAUSIBLE. An unknown parameter
name fails test_every_pattern_is_filled, so nothing is skipped silently.

Each URL is requested with GET and with an empty POST (CSRF not enforced, so the permission check
itself is what answers) by:

- an anonymous visitor,
- a KIM member of Desa Santan Ulu (KIM_MEMBER_PERSONA): the ketua of Santan Ulu's KIM, registered by
  Santan Ulu's operator, with the account made by accepting the operator's invitation, signed in at
  /kim/masuk/ with phone number and password; an account with no admin role at all. The ketua has
  the most reach of any member (the KIM's member list and invitations too), and a report of its own
  with a photo, so its own /kim/ pages have data,
- the operator of Desa Santan Ulu,
- a kecamatan viewer of Tenggarong (VIEWER_ELSEWHERE): another kecamatan's camat staff, admin sign-in
  and nothing else,
- a kecamatan viewer of Marang Kayu (VIEWER_OWN), Sebuntal's own kecamatan: it may read Sebuntal's
  index (the routes of DISTRICT_VIEWER_ROUTES, still without a private marker) and must change
  nothing and see nothing else of Sebuntal's.

Acceptable answers: a redirect to a login page (for the operator also a redirect elsewhere in the
admin: Wagtail's "no permission" sends it to the dashboard or to its own section; the target is in
the matrix itself), 400/403/404/405, or a 2xx from a route listed in PUBLIC_ROUTES. The operator may
also get a 2xx from an admin screen that names none of Sebuntal's objects (the operator's own
dashboard and listings). The KIM member may get a 2xx (or a redirect to another /kim/ page) from
the member pages listed in KIM_MEMBER_ROUTES, which show the member's own data (its reports, its
KIM's members and activities, all Santan Ulu's); a /kim/ address that names Sebuntal's report,
photo or member must answer the member 403 or 404 (405 for the wrong method). No 2xx may contain a
private marker of Sebuntal's ("ZQX-": draft titles, an unpublished page, a password-protected page's
body, image/document titles, KIM report and member, the operator's e-mail). The database state of
Sebuntal's objects (pages, revisions, media, collections, restrictions, redirects, workflows, KIM
records, invitations and activities) and of every account's groups, flags and permissions is
compared after every request that wrote to the database (every write is seen through the queries it
ran): it must not change. Deliberate exceptions are in ALLOWANCES, each with its reason. All
failures are collected and reported in one assertion.
"""

import datetime
import itertools
import re
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_scopes import scope, scopes_disabled
from taggit.models import Tag
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Revision,
    Site,
    Task,
    TaskState,
    UploadedFile,
    Workflow,
    WorkflowPage,
    WorkflowState,
)

from sinergi.accounts.models import DistrictViewer
from sinergi.accounts.services import make_district_viewer
from sinergi.casework.models import Holiday, ServiceSettings, SpamTerm
from sinergi.complaints.models import (
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    ComplaintPhoto,
    ComplaintSettings,
)
from sinergi.complaints.services import submit as submit_complaint
from sinergi.complaints.workflow import act as complaint_act
from sinergi.core.tests import helpers as h
from sinergi.core.tests.factories import make_news, publish, section
from sinergi.kim.admin_forms import KimMemberForm
from sinergi.kim.invitations import accept_invitation, create_invitation, find_by_token
from sinergi.kim.models import (
    Activity,
    ActivityPhoto,
    Invitation,
    Kim,
    KimClassification,
    KimMember,
    KimSettings,
    Report,
    ReportPhoto,
)
from sinergi.kim.services import save_report
from sinergi.kim.workflow import do_transition
from sinergi.ppid.models import DipEntry, DipItem, InformationRequest, Objection, PpidRegencySettings
from sinergi.ppid.request_services import act_on_request, submit_objection, submit_request
from sinergi.regions.models import District, RegencyIdentity
from sinergi.villages.models import NewsIndexPage, NewsPage, StandardPage

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()
User = get_user_model()

# Case-sensitive, with a hyphen: a random CSRF token or file name cannot contain it.
MARKER = re.compile(r"ZQX-")
SEARCH_WORD = "Sebuntalia"  # in Sebuntal's titles, never in a marker: an echoed search is harmless

# A member of the other village's KIM (the ketua of Santan Ulu's KIM): no group, no admin permission.
KIM_MEMBER_PERSONA = "anggota_kim_santan"
KIM_MEMBER_PASSWORD = "kabar-santan-ulu-2025"
MEMBER_OWN_TITLE = "Panen padi warga Santan Ulu"  # the member's own report: theirs to see

# Routes whose 2xx answer is a public page by design (key: route name, or the pattern when unnamed).
PUBLIC_ROUTES = {
    "wagtail_serve": "the public website of every village and the portal",
    "sitemap": "public sitemap index",
    "sitemap_section": "public sitemap files (the index lists them)",
    "robots_txt": "public robots.txt",
    "wagtaildocs_serve": "documents in a village collection are public downloads (no collection privacy set)",
    "^media/(?P<path>.*)$": "uploaded files are public; Django serves them only without a front server",
    "wagtailcore_login": "front-end sign-in form for password/login-restricted pages",
    "wagtailcore_authenticate_with_password": "the password form of a private page (shows no content)",
    "wagtaildocs_authenticate_with_password": "the password form of a private document collection",
    "wagtailadmin_login": "admin sign-in form",
    "wagtailadmin_password_reset": "password-reset request form",
    "wagtailadmin_password_reset_done": "password-reset confirmation text",
    "wagtailadmin_password_reset_confirm": "password-reset link page ('invalid link' for a bad token)",
    "wagtailadmin_password_reset_complete": "password-reset done text",
    "wagtailadmin_javascript_catalog": "the admin's translation catalogue (static strings)",
    "wagtailadmin_sprite": "the admin's icon sprite (static SVG)",
    "admin:login": "Django admin sign-in form",
    "admin:jsi18n": "Django admin translation catalogue (static strings)",
    "kim:login": "KIM member sign-in form",
    "kim:invitation_code": "form to type a KIM invitation code",
    "kim:invitation_accept": "KIM invitation link ('invalid invitation' for a bad token)",
    "kim:service_worker": "the KIM web app's service worker script (static)",
    "monitoring:ranking": "the regency's public ranking of villages by index band",
    "monitoring:methodology": "the index methodology, generated from the active rule set",
    "monitoring:village": "a village's public index page: score, band, block and item points (no missing texts)",
}

# The member pages (route name -> why) that may answer the KIM member persona 2xx, or redirect it to
# another /kim/ page: each shows or changes only the member's own data, of Santan Ulu's KIM. Their
# answers are still searched for Sebuntal's markers; a /kim/ address naming Sebuntal's objects is
# never in this category (see judge).
KIM_MEMBER_ROUTES = {
    "kim:home": "the member's own reports and notifications",
    "kim:login": "sends a member who is already signed in to their own home page",
    "kim:password": "the member's own password form (an empty POST shows it again)",
    "kim:notifications": "the member's own notifications",
    "kim:notifications_read": "marks the member's own notifications read, back to that list",
    "kim:report_new": "an empty report form of the member's own (an empty POST: 400)",
    "kim:hints": "writing hints about the text sent in the request itself",
    "kim:activities": "the activities of the member's own KIM (an empty POST: 400)",
    "kim:members": "the member list of the ketua's own KIM",
    "kim:member_add": "the ketua's form to add a member to their own KIM (an empty POST shows it again)",
}

OPERATOR = "operator_santan"
VIEWER_ELSEWHERE = "peninjau_tenggarong"
VIEWER_OWN = "peninjau_marangkayu"
TENGGARONG = "64.02.06"

# The index screens (route name -> why) that may answer Sebuntal's own kecamatan viewer 2xx for an
# address naming Sebuntal: reading its index is what the role is for. Searched for markers all the same.
DISTRICT_VIEWER_ROUTES = {
    "monitoring_dashboard:village": "Sebuntal's score, trend and items, read by its kecamatan's viewer",
    "monitoring_dashboard:report": "the meeting report of Sebuntal's kecamatan (PDF)",
    "monitoring_dashboard:export": "the kecamatan's scores and missing items (CSV, Excel)",
}
# On those routes (and only there) Sebuntal's kecamatan viewer may see the marker of Sebuntal's
# missing index item (_index_world): what is missing is what the kecamatan meets about. Any other
# marker is still a failure.
INDEX_MARKER = "ZQX-INDEKS"
BOTH = ("GET", "POST")


def _allow(route: str, personas: tuple, methods: tuple, reason: str) -> dict:
    return {(route, persona, method): reason for persona in personas for method in methods}


# Every persona with an admin account (Wagtail's own views answer them all alike).
ADMIN_PERSONAS = (OPERATOR, VIEWER_ELSEWHERE, VIEWER_OWN)

# Deliberate exceptions to the rules above: (route, persona, method) -> one-line reason.
ALLOWANCES: dict[tuple[str, str, str], str] = {
    **_allow(
        "admin:logout",
        ("anonim", KIM_MEMBER_PERSONA, *ADMIN_PERSONAS),
        BOTH,
        "signing out redirects to the Django admin index, which asks for a login",
    ),
    **_allow(
        "wagtailadmin_error_test", ADMIN_PERSONAS, BOTH, "Wagtail's error-page test view raises on purpose"
    ),
    **_allow(
        "wagtailadmin_choose_page_external_link",
        ADMIN_PERSONAS,
        ("POST",),
        "Wagtail 7.4 bug: an empty POST crashes URLOrAbsolutePathField.to_python(None); touches no data",
    ),
    **_allow(
        "wagtailadmin_workflows:task_chosen",
        ADMIN_PERSONAS,
        BOTH,
        "the shared 'Moderators approval' task: answers its id and name only",
    ),
    **_allow(
        "wagtailadmin_editing_sessions:release",
        ADMIN_PERSONAS,
        ("POST",),
        "deletes only the requester's own sessions (user=request.user); answers {} for any id",
    ),
}

# Parameters that name nothing of Sebuntal's: the value used and why.
PLAUSIBLE = {
    "filter_spec": ("original", "an image rendition spec, not an object"),
    "action_name (workflow)": ("approve / reject", "the actions of Wagtail's group approval task"),
    "action_name (API)": ("every action of PagesAdminAPIViewSet", "read from the view set"),
    "destination_id": ("Santan Ulu's news section", "moving Sebuntal's page into the attacker's village"),
    "content_type_*": ("villages / newspage", "the page type, shared by every village"),
    "app_label/model_name (pages:choose_parent)": ("villages / newspage", "page type"),
    "app_label/model_name (workflows:add_task)": ("wagtailcore / groupapprovaltask", "task type"),
    "app_name/model_name (tag autocomplete)": ("taggit / tag", "the tag model"),
    "app_name/model_name (wagtailsettings)": ("core / sitesettings", "no setting is registered: 404"),
    "app_label (django admin app list)": ("auth", "users and groups"),
    "pk (wagtailsites)": ("the regency's Site", "a village has no Site of its own"),
    "pk (wagtailsettings)": ("1", "no setting is registered"),
    "object_id (django admin, other models)": ("1", "task results and axes records are not village data"),
    "restriction_id": (
        "999999",
        "Sebuntal's collection has no view restriction; setting one is the admin's job",
    ),
    "token": ("bad-token", "a real reset token would be the operator's own secret"),
    "url (django admin catch-all)": ("tidak-ada/", "any path"),
    "code (monitoring:village)": ("Sebuntal's Kemendagri code", "its public index page"),
}


# --------------------------------------------------------------------------- Sebuntal's world


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    # The personas' passwords are hashed on creation; the production hasher costs ~0.3 s each.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class World:
    village: object
    home: Page
    news_index: Page
    news: Page
    hidden: Page
    private: Page
    restriction: PageViewRestriction
    image: object
    document: object
    operator: object
    group: Group
    tag: Tag
    revision: Revision
    workflow_state: WorkflowState
    task_state: TaskState
    editing_session: EditingSession
    uploads: dict
    redirect: Redirect
    santan_news_index: Page
    extra: dict = field(default_factory=dict)


@pytest.fixture
def world(sebuntal, santan_ulu, operator, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    operator.email = "ZQX-operator@sebuntal.test"
    operator.save(update_fields=["email"])
    home = Page.objects.get(pk=sebuntal.page.pk)
    news_index = section(sebuntal, NewsIndexPage)
    image = Image.objects.create(
        title=f"Foto sumur {SEARCH_WORD} ZQX-FOTO",
        file=ImageFile(ContentFile(h.png_bytes(24, 16)), name="foto.png"),
        collection=sebuntal.collection,
        uploaded_by_user=operator,
    )
    document = Document.objects.create(
        title=f"Laporan kas {SEARCH_WORD} ZQX-DOKUMEN",
        file=ContentFile(h.PDF_BYTES, name="laporan.pdf"),
        collection=sebuntal.collection,
        uploaded_by_user=operator,
    )
    news = make_news(sebuntal, f"Panen jagung {SEARCH_WORD}")
    news = NewsPage.objects.get(pk=news.pk)
    news.title = f"Panen jagung {SEARCH_WORD} ZQX-DRAF"
    news.image = image
    revision = news.save_revision(user=operator, log_action=True)

    hidden = StandardPage(title=f"Rencana {SEARCH_WORD} ZQX-TERSEMBUNYI", slug="rencana", live=False)
    home.add_child(instance=hidden)
    hidden.save_revision(user=operator)
    private = publish(home, StandardPage(title="Arsip internal", slug="arsip", body="<p>ZQX-RAHASIA</p>"))
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="rahasia-desa"
    )

    moderated = StandardPage(title=f"Usulan {SEARCH_WORD} ZQX-MODERASI", slug="usulan", live=False)
    home.add_child(instance=moderated)
    moderated.save_revision(user=operator)
    workflow = moderated.get_workflow()
    workflow_state = workflow.start(moderated, operator) if workflow else None
    task_state = workflow_state.current_task_state if workflow_state else None

    editing_session = EditingSession.objects.create(
        user=operator,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(news.pk),
        last_seen_at=news.last_published_at,
    )
    uploads = {
        "image": UploadedFile.objects.create(
            for_content_type=ContentType.objects.get_for_model(Image),
            file=ContentFile(h.png_bytes(), name="unggahan.png"),
            uploaded_by_user=operator,
        ),
        "document": UploadedFile.objects.create(
            for_content_type=ContentType.objects.get_for_model(Document),
            file=ContentFile(h.PDF_BYTES, name="unggahan.pdf"),
            uploaded_by_user=operator,
        ),
    }
    redirect = Redirect.objects.create(old_path="/sebuntal-lama", redirect_page=news)
    kim = _kim_world(sebuntal, operator)
    casework = {**_casework_world(sebuntal), **_ppid_request_world(sebuntal, operator)}
    kim.update(_finance_world(sebuntal, operator))
    dip = _dip_world(sebuntal, document, news)
    complaints = _complaints_world(sebuntal)
    # Sebuntal's kecamatan has a viewer: the regency admin's row, no outsider may change or remove it.
    camat = User.objects.create_user(username="staf.camat.marangkayu", email="ZQX-camat@marangkayu.test")
    complaints["district_viewer"] = DistrictViewer.objects.create(user=camat, district=sebuntal.district)
    _index_world(sebuntal)
    return World(
        village=sebuntal,
        home=home,
        news_index=Page.objects.get(pk=news_index.pk),
        news=Page.objects.get(pk=news.pk),
        hidden=Page.objects.get(pk=hidden.pk),
        private=Page.objects.get(pk=private.pk),
        restriction=restriction,
        image=image,
        document=document,
        operator=operator,
        group=sebuntal.operators_group,
        tag=Tag.objects.get_or_create(name="panen-sebuntal", slug="panen-sebuntal")[0],
        revision=revision,
        workflow_state=workflow_state,
        task_state=task_state,
        editing_session=editing_session,
        uploads=uploads,
        redirect=redirect,
        santan_news_index=Page.objects.get(pk=section(santan_ulu, NewsIndexPage).pk),
        extra={"moderated": Page.objects.get(pk=moderated.pk), **kim, **casework, **dip, **complaints},
    )


def _kim_world(village, operator) -> dict:
    """Sebuntal's KIM: the group, a member with an account, a report waiting for review, with a photo."""
    regency = village.district.regency
    classification = KimClassification.objects.create(regency=regency, name="Klasifikasi uji")
    user = User.objects.create_user(username="kim.sebuntal", password="uji-sandi-sinergi")
    with scope(village=village):
        kim = Kim.objects.create(village=village, name="KIM Sebuntal Bersatu", classification=classification)
        member = KimMember.objects.create(
            kim=kim, name="Andi ZQX-ANGGOTA", phone="081234567890", email="ZQX-anggota@contoh.id", user=user
        )
    photo = SimpleUploadedFile("foto.jpg", h.jpeg_bytes(40, 30), content_type="image/jpeg")
    fields = {"title": "Laporan ZQX-LAPORAN", "body": "Isi laporan ZQX-ISI.", "consent_confirmed": True}
    report = save_report(member, client_key=uuid.uuid4(), fields=fields, photos=[photo]).report
    report = do_transition(report, "submit", by=user)
    with scope(village=village):
        report_photo = ReportPhoto.objects.filter(report=report).first()
        # Waiting for Sebuntal's operator: nobody else may show or hide it (kim_admin:activity_review).
        activity = Activity.objects.create(
            kim=kim,
            kind=Activity.Kind.DISSEMINATION,
            place="Balai ZQX-KEGIATAN",
            description="Rapat ZQX-KEGIATAN.",
        )
        # A private photo of it (kim:activity_photo): its KIM and the operator only.
        activity_photo = ActivityPhoto(activity=activity, format="JPEG", width=40, height=30)
        activity_photo.file.save("foto", ContentFile(h.jpeg_bytes(40, 30)), save=False)
        activity_photo.save()
    return {
        "kim": kim,
        "kim_member": member,
        "kim_report": report,
        "kim_photo": report_photo,
        "regency": regency,
        "kim_classification": classification,
        "kim_activity": activity,
        "kim_activity_photo": activity_photo,
    }


def _casework_world(village) -> dict:
    """The regency's rules of the citizen services: a regional holiday, a spam term, office hours."""
    regency = village.district.regency
    return {
        "holiday": Holiday.objects.create(
            regency=regency, date=datetime.date(2026, 9, 28), name="Hari jadi ZQX-LIBUR", kind="daerah"
        ),
        "spam_term": SpamTerm.objects.create(term="zqxjudi"),
        "service_settings": ServiceSettings.for_regency(regency),
        "ppid_settings": PpidRegencySettings.objects.create(regency=regency, commission_name="KI ZQX-KI"),
        "regency_identity": RegencyIdentity.objects.create(
            regency=regency, office_name="Diskominfo Kabupaten Uji"
        ),
    }


def _finance_world(village, operator) -> dict:
    """Sebuntal's APBDes: a published 2025 budget (public by design), and private to its operator a draft
    correction, a draft realisation and an import waiting for confirmation, each carrying a marker."""
    from sinergi.finance import samples, services
    from sinergi.finance.models import BudgetCode
    from sinergi.finance.tests.helpers import import_workbook, published_budget, template_bytes

    published, budget = published_budget(village, operator, seed=11, year=2025)
    secret = samples.sample_budget(12, 2025)
    secret.activities[0] = ("1.1.01", "Honor ZQX-APBDES", *secret.activities[0][2:])
    data = samples.fill_template(template_bytes(), secret)
    report = samples.fill_realisation(template_bytes(), budget)
    correction = import_workbook(village, operator, data, 2025, reason="Koreksi ZQX-ALASAN")
    realisation = import_workbook(village, operator, report, 2025, "akhir_tahun")
    pending = import_workbook(village, operator, data, 2025, reason="Menunggu ZQX-IMPOR")
    with scope(village=village.pk):
        draft = services.confirm_import(correction.pk, operator).version
        realisation = services.confirm_import(realisation.pk, operator)
        draft_realisation = realisation.realisation
        draft_realisation.items.filter(part="belanja").update(note="Catatan ZQX-REALISASI")
        draft_activity = draft.activities.get(name="Honor ZQX-APBDES")
    return {
        "apbdes_published": published,
        "apbdes_version": draft,
        "apbdes_realisation": draft_realisation,
        "apbdes_import": pending,
        "apbdes_code": BudgetCode.objects.get(kind="pendapatan", code="4.2.1"),
        "apbdes_activity": draft_activity,  # a kegiatan of the draft
    }


def _dip_world(village, document, page) -> dict:
    """Sebuntal's DIP: an item of the regency's catalogue and Sebuntal's entry for it, linked."""
    item = DipItem.objects.filter(regency=village.district.regency, key="apb-desa").get()
    with scope(village=village):
        entry = DipEntry.objects.get(village=village, item=item)
        entry.document, entry.page, entry.note = document, page, "Catatan operator Sebuntal"
        entry.updated_on = datetime.date(2026, 1, 5)
        entry.save()
    return {"dip_item": item, "dip_entry": entry}


def _ppid_request_world(village, operator) -> dict:
    """Sebuntal's information request (answered, with an objection waiting for the atasan): its
    requester's personal data carries the marker; the request itself is public by its tracking code."""
    fields = {
        "requester_name": "Pemohon ZQX-NAMA",
        "nik": "6402015204900001",
        "address": "Alamat ZQX-ALAMAT",
        "phone": "081234567890",
        "email": "zqx-pemohon@contoh.id",
        "information": "APB Desa Sebuntal",
        "purpose": "Tujuan ZQX-TUJUAN",
        "form": "mencatat",
        "delivery": "langsung",
    }
    request = submit_request(village, fields)
    request, _event = act_on_request(
        request, "refuse", user=operator, comment="Dikecualikan.", grounds=["17h"]
    )
    objection = submit_objection(request, {"grounds": ["35a"], "reasons": "Keberatan atas penolakan"})
    return {"ppid_request": request, "ppid_objection": objection}


def _complaints_world(village) -> dict:
    """Sebuntal's complaints: one waiting for verification (private, with a photo), one public whose
    citizen asked to stay anonymous (name and contact never public); the regency's complaint rules."""
    regency = village.district.regency
    settings = ComplaintSettings.for_regency(regency)
    category = ComplaintCategory.for_regency(regency)[0]
    base = {"kind": "pengaduan", "category": category, "email": "ZQX-pelapor@contoh.id", "may_publish": True}
    photo = SimpleUploadedFile("gorong.jpg", h.jpeg_bytes(40, 30), content_type="image/jpeg")
    from sinergi.kim.photos import clean_photo

    private = submit_complaint(
        village,
        {**base, "title": "Aduan ZQX-ADUAN", "description": "Isi ZQX-ADUAN-ISI", "name": "ZQX-NAMA"},
        [clean_photo(photo)],
    )
    public = submit_complaint(
        village,
        {**base, "title": f"Jalan {SEARCH_WORD}", "description": "Jalan rusak.", "name": "ZQX-ANONIM"},
    )
    public, _event = complaint_act(public, "verify", roles={"operator"})
    with scope(village=village):
        complaint_photo = ComplaintPhoto.objects.get(complaint=private)
    return {
        "complaint": private,
        "complaint_public": public,
        "complaint_photo": complaint_photo,
        "complaint_category": category,
        "complaint_settings": settings,
    }


def _index_world(village) -> None:
    """Sebuntal's index score of today, one missing item carrying a private marker (the operator's list)."""
    from sinergi.monitoring.compute import compute_scores
    from sinergi.monitoring.models import ScoreItem

    compute_scores(village.district.regency, villages=[village])
    with scopes_disabled():
        item = ScoreItem.objects.filter(score__village=village).exclude(status="ok").first()
        item.missing_text = f"Butir {INDEX_MARKER} belum diisi."
        item.save()


def _index_snapshot() -> dict:
    from sinergi.monitoring.models import IndexSettings, Rule, RuleSet, Score

    with scopes_disabled():
        return {
            "index_scores": list(
                Score.objects.order_by("pk").values_list("pk", "village_id", "day", "total", "computed_at")
            ),
            "index_rulesets": list(RuleSet.objects.order_by("pk").values_list("pk", "regency_id", "version")),
            "index_rules": list(Rule.objects.order_by("pk").values_list("pk", "weight", "params")),
            "index_settings": list(IndexSettings.objects.order_by("pk").values()),
        }


def snapshot(w: World) -> dict:
    """Sebuntal's objects and everyone's roles: nothing here may change through an outsider's POST."""
    pages = Page.objects.filter(path__startswith=w.home.path)
    page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    return {
        "pages": list(
            pages.order_by("pk").values_list(
                "pk",
                "title",
                "draft_title",
                "slug",
                "live",
                "has_unpublished_changes",
                "locked",
                "locked_by_id",
                "path",
                "latest_revision_id",
                "live_revision_id",
                "url_path",
                "go_live_at",
                "expire_at",
                "owner_id",
            )
        ),
        "revisions": Revision.page_revisions.filter(object_id__in=page_ids).count(),
        "images": list(
            Image.objects.filter(collection=w.village.collection)
            .order_by("pk")
            .values_list("pk", "title", "file", "collection_id")
        ),
        "image_tags": sorted(w.image.tags.values_list("name", flat=True)),
        "documents": list(
            Document.objects.filter(collection=w.village.collection)
            .order_by("pk")
            .values_list("pk", "title", "file", "collection_id")
        ),
        "collections": list(Collection.objects.order_by("pk").values_list("pk", "name", "path")),
        "view_restrictions": list(
            PageViewRestriction.objects.order_by("pk").values_list(
                "pk", "page_id", "restriction_type", "password"
            )
        ),
        "collection_restrictions": CollectionViewRestriction.objects.count(),
        "group_permissions": sorted(
            Group.permissions.through.objects.values_list("group_id", "permission_id")
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list("group_id", "collection_id", "permission_id")
        ),
        "groups": list(Group.objects.order_by("pk").values_list("pk", "name")),
        "users": list(
            User.objects.order_by("pk").values_list(
                "pk", "username", "email", "password", "is_active", "is_staff", "is_superuser"
            )
        ),
        "memberships": sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        "user_permissions": sorted(
            User.user_permissions.through.objects.values_list("user_id", "permission_id")
        ),
        "redirects": list(Redirect.objects.order_by("pk").values_list("pk", "old_path", "redirect_page_id")),
        "sites": list(Site.objects.order_by("pk").values_list("pk", "hostname", "port", "root_page_id")),
        "workflows": list(Workflow.objects.order_by("pk").values_list("pk", "name", "active")),
        "tasks": list(Task.objects.order_by("pk").values_list("pk", "name", "active")),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "task_states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "editing_sessions": list(
            EditingSession.objects.order_by("pk").values_list("pk", "user_id", "object_id")
        ),
        "uploads": sorted(UploadedFile.objects.values_list("pk", flat=True)),
        **_kim_snapshot(),
        "holidays": list(Holiday.objects.order_by("pk").values()),
        "spam_terms": list(SpamTerm.objects.order_by("pk").values()),
        "service_settings": list(ServiceSettings.objects.order_by("pk").values()),
        "ppid_settings": list(PpidRegencySettings.objects.order_by("pk").values()),
        "regency_identities": list(RegencyIdentity.objects.order_by("pk").values()),
        "dip_items": list(DipItem.objects.order_by("pk").values()),
        "dip_entries": _dip_snapshot(),
        **_finance_snapshot(),
        **_ppid_request_snapshot(),
        **_complaints_snapshot(),
        "district_viewers": sorted(DistrictViewer.objects.values_list("pk", "user_id", "district_id")),
        **_index_snapshot(),
    }


def _finance_snapshot() -> dict:
    from sinergi.finance.models import (
        BudgetCode,
        BudgetEvent,
        BudgetImport,
        BudgetVersion,
        IncomeLine,
        Realisation,
        SpendingLine,
    )

    with scopes_disabled():
        return {
            "apbdes_versions": list(
                BudgetVersion.objects.order_by("pk").values_list("pk", "state", "number", "published_by_id")
            ),
            "apbdes_lines": (IncomeLine.objects.count(), SpendingLine.objects.count()),
            "apbdes_realisations": list(Realisation.objects.order_by("pk").values_list("pk", "state")),
            "apbdes_imports": list(
                BudgetImport.objects.order_by("pk").values_list("pk", "state", "version_id")
            ),
            "apbdes_events": BudgetEvent.objects.count(),
            "apbdes_codes": list(BudgetCode.objects.order_by("pk").values_list("pk", "name", "is_active")),
        }


def _dip_snapshot() -> list:
    with scopes_disabled():
        return list(DipEntry.objects.order_by("pk").values())


def _ppid_request_snapshot() -> dict:
    with scopes_disabled():
        return {
            "ppid_requests": list(InformationRequest.objects.order_by("pk").values()),
            "ppid_objections": list(Objection.objects.order_by("pk").values()),
        }


def _complaints_snapshot() -> dict:
    with scopes_disabled():
        return {
            # affected_count and AffectedToo are left out: any visitor may say "saya juga mengalami ini"
            # on a public case (one per browser), which is what an empty POST to that address does.
            "complaints": list(
                Complaint.objects.order_by("pk").values_list(
                    "pk",
                    "title",
                    "state",
                    "held",
                    "may_publish",
                    "merged_into_id",
                    "forwarded_to",
                    "updated_at",
                )
            ),
            "complaint_events": sorted(ComplaintEvent.objects.values_list("pk", flat=True)),
            "complaint_photos": sorted(ComplaintPhoto.objects.values_list("pk", flat=True)),
            "complaint_categories": list(ComplaintCategory.objects.order_by("pk").values()),
            "complaint_settings": list(ComplaintSettings.objects.order_by("pk").values()),
        }


def _kim_snapshot() -> dict:
    with scopes_disabled():
        return {
            "kims": list(
                Kim.objects.order_by("pk").values_list("pk", "name", "is_active", "classification_id")
            ),
            "kim_members": list(
                KimMember.objects.order_by("pk").values_list("pk", "name", "is_active", "user_id", "phone")
            ),
            "kim_reports": list(
                Report.objects.order_by("pk").values_list("pk", "title", "state", "news_page_id")
            ),
            "kim_photos": sorted(ReportPhoto.objects.values_list("pk", flat=True)),
            # A KIM's ketua invites and records activities from /kim/: none may appear in another KIM.
            "kim_invitations": list(
                Invitation.objects.order_by("pk").values_list("pk", "member_id", "expires_at", "used_at")
            ),
            "kim_activities": list(
                Activity.objects.order_by("pk").values_list("pk", "kim_id", "description", "review")
            ),
            "kim_classifications": list(KimClassification.objects.order_by("pk").values_list("pk", "name")),
            "kim_settings": list(KimSettings.objects.order_by("pk").values()),
        }


def _diff(before: dict, after: dict) -> str:
    return "; ".join(f"{k}: {before[k]!r} -> {after[k]!r}" for k in before if before[k] != after[k])


# --------------------------------------------------------------------------- every pattern


@dataclass(frozen=True)
class Route:
    key: str  # the name ("namespace:name"), or the pattern itself when the route has no name
    name: str | None
    pattern: str
    params: tuple[str, ...]
    positional: int

    @property
    def namespace(self) -> str:
        return (self.name or "").rpartition(":")[0]


def all_routes() -> list[Route]:
    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                regex = pattern.pattern.regex
                name = (
                    (f"{namespace}:{pattern.name}" if namespace else pattern.name) if pattern.name else None
                )
                route = prefix + str(pattern.pattern)
                yield Route(
                    key=name or route,
                    name=name,
                    pattern=route,
                    params=tuple(regex.groupindex),
                    positional=regex.groups - len(regex.groupindex),
                )

    return list(walk(get_resolver().url_patterns, "", None))


@dataclass(frozen=True)
class Target:
    route: Route
    url: str
    about_sebuntal: bool  # a parameter names one of Sebuntal's objects


PK_KIND = {
    "wagtailadmin_api:pages": "page",
    "wagtailadmin_api:images": "image",
    "wagtailadmin_api:documents": "document",
    "wagtailimages_chooser": "image",
    "wagtaildocs_chooser": "document",
    "wagtailadmin_collections": "collection",
    "wagtailusers_users": "user",
    "wagtailusers_groups": "group",
    "casework_holidays": "holiday",
    "casework_spam_terms": "spam_term",
    "casework_service_settings": "service_settings",
    "ppid_settings": "ppid_settings",
    "ppid_dip_catalogue": "dip_item",
    "complaints_categories": "complaint_category",
    "complaints_settings": "complaint_settings",
    "regency_identity": "regency_identity",
    "district_viewers": "district_viewer",
}
PARAM_KIND = {
    "page_id": "page",
    "parent_page_id": "parent",
    "page_to_move_id": "page",
    "page_pk": "page",
    "image_id": "image",
    "document_id": "document",
    "doc_id": "document",
    "collection_id": "collection",
    "session_id": "session",
    "redirect_id": "redirect",
    "revision_id": "revision",
    "task_state_id": "task_state",
    "workflow_state_id": "workflow_state",
    "page_view_restriction_id": "restriction",
    "id": "user",  # django admin's user password change
    "kim_id": "kim",
    "member_id": "kim_member",
    "report_id": "kim_report",
    "photo_id": "kim_photo",
    "regency_id": "regency",  # the regency's KIM rules: the regency admin's, not an operator's
    "classification_id": "kim_classification",
    "activity_id": "kim_activity",
    "import_id": "apbdes_import",  # an uploaded APBDes workbook waiting for confirmation
    "version_id": "apbdes_version",  # a draft APBDes version (a correction of the published one)
    "realisation_id": "apbdes_realisation",
    "budget_activity_id": "apbdes_activity",
    "code_id": "apbdes_code",  # the regency's code table: not Sebuntal's, but an operator may not edit it
    "village_id": "village",  # the village's DIP in the admin (ppid_dip_admin:village)
    "entry_id": "dip_entry",
    "ppid_request_id": "ppid_request",
    "ppid_objection_id": "ppid_objection",
    "complaint_id": "complaint",
    "complaint_photo_id": "complaint_photo",
    "district_id": "district",  # Sebuntal's kecamatan (the index's meeting report)
}


def _objects(kind: str, w: World) -> list:
    return {
        "page": [w.news],  # published, with a newer draft: live and draft data both in reach
        "parent": [w.home],  # its children include an unpublished and a private page
        "image": [w.image],
        "document": [w.document],
        "collection": [w.village.collection],
        "user": [w.operator],
        "group": [w.group],
        "session": [w.editing_session],
        "redirect": [w.redirect],
        "revision": [w.revision],
        "task_state": [w.task_state] if w.task_state else [],
        "workflow_state": [w.workflow_state] if w.workflow_state else [],
        "restriction": [w.restriction],
        "village": [w.village],
        "district": [w.village.district],
        **{
            k: [w.extra[k]]
            for k in (
                "kim",
                "kim_member",
                "kim_report",
                "kim_photo",
                "regency",
                "kim_classification",
                "kim_activity",
                "holiday",
                "spam_term",
                "service_settings",
                "ppid_settings",
                "regency_identity",
                "apbdes_import",
                "apbdes_version",
                "apbdes_realisation",
                "apbdes_code",
                "apbdes_activity",
                "dip_item",
                "dip_entry",
                "ppid_request",
                "ppid_objection",
                "complaint",
                "complaint_photo",
                "complaint_category",
                "complaint_settings",
                "district_viewer",
            )
        },
    }[kind]


def _param_values(route: Route, param: str, w: World) -> tuple[list, bool]:
    """(values, names Sebuntal) for one parameter of one route."""
    ns, name = route.namespace, route.name or ""
    moderated = w.extra["moderated"]
    if param in {"pk", "photo_pk"} and ns == "kim":
        if param == "photo_pk" or (
            name == "kim:report_photo" and param == "pk" and "photo_pk" not in route.params
        ):
            return [w.extra["kim_photo"].pk], True
        if name.startswith("kim:report"):
            return [w.extra["kim_report"].pk], True
        if name.startswith("kim:member"):
            return [w.extra["kim_member"].pk], True
        if name == "kim:activity_photo":
            return [w.extra["kim_activity_photo"].pk], True
        raise AssertionError(f"no Sebuntal object for {name}:{param}")
    if param == "pk" and ns in PK_KIND:
        return [o.pk for o in _objects(PK_KIND[ns], w)], True
    if param == "pk" and ns == "wagtailadmin_workflows":
        if "task" in name:
            return [w.task_state.task_id if w.task_state else 1], True
        return [w.workflow_state.workflow_id if w.workflow_state else 1], True
    if param == "pk" and ns == "wagtailsites":
        return [Site.objects.get(is_default_site=True).pk], False
    if param == "pk" and ns == "wagtailsettings":
        return [1], False
    if param == "uploaded_file_id":
        return [w.uploads["image" if ns == "wagtailimages" else "document"].pk], True
    if param in {"page_id", "page_pk"} and ns == "wagtailadmin_pages" and "workflow" in name:
        return [moderated.pk], True
    if param in {"page_id", "page_pk"} and ns == "wagtailadmin_workflows":
        return [moderated.pk], True
    if param in PARAM_KIND:
        return [o.pk for o in _objects(PARAM_KIND[param], w)], True
    match param:
        case "destination_id":
            return [w.santan_news_index.pk], False
        case "task_id":
            return [w.task_state.task_id if w.task_state else 1], True
        case "workflow_pk":
            return [w.workflow_state.workflow_id if w.workflow_state else 1], True
        case "action_name" if ns == "wagtailadmin_api:pages":
            return list(PagesAdminAPIViewSet.actions), False
        case "action_name":
            return ["approve", "reject"], False
        case "filter_spec":
            return ["original"], False
        case "section" if name == "sitemap_section":
            return ["halaman"], False
        case "content_type_app_name":
            return ["villages"], False
        case "content_type_model_name":
            return ["newspage"], False
        case "app_label" if name == "admin:app_list":
            return ["auth"], False
        case "app_label" if ns == "wagtailadmin_workflows":
            return ["wagtailcore"], False
        case "model_name" if ns == "wagtailadmin_workflows":
            return ["groupapprovaltask"], False
        case "app_label" if ns == "wagtailadmin_editing_sessions":
            return ["wagtailcore"], False
        case "model_name" if ns == "wagtailadmin_editing_sessions":
            return ["page"], False
        case "object_id" if ns == "wagtailadmin_editing_sessions":
            return [str(w.news.pk)], True
        case "app_label" | "model_name" if name == "wagtailadmin_pages:choose_parent":
            return ["villages" if param == "app_label" else "newspage"], False
        case "app_name" | "model_name" if name == "wagtailadmin_tag_model_autocomplete":
            return ["taggit" if param == "app_name" else "tag"], False
        case "app_name" | "model_name" if ns == "wagtailsettings":
            return ["core" if param == "app_name" else "sitesettings"], False
        case "object_id" if route.pattern.startswith("django-admin/"):
            return _django_admin_object(route, w)
        case "content_type_id":
            return [ContentType.objects.get_for_model(NewsPage).pk], True
        case "restriction_id":
            return [999999], False
        case "kind" if ns == "monitoring_dashboard":
            return ["nilai", "kekurangan"], False
        case "fmt" if ns == "monitoring_dashboard":
            return ["csv", "xlsx"], False
        case "code" if ns == "monitoring":
            return [w.village.code], True
        case "part" if ns == "apbdes_admin":
            return ["pendapatan", "pembiayaan"], False
        case "uidb64":
            return [urlsafe_base64_encode(force_bytes(w.operator.pk))], True
        case "token":
            return ["bad-token"], False
        case "url":
            return ["tidak-ada/"], False
        case "path":
            return [w.image.file.name, w.document.file.name], True
    raise LookupError(param)


def _django_admin_object(route: Route, w: World):
    """object_id of a Django admin route, by the model it is about ("auth/user/..." or "admin:auth_user_...")."""
    if route.name == "admin:view_on_site":
        return [w.news.pk], True
    model = route.name.removeprefix("admin:") if route.name else route.pattern.removeprefix("django-admin/")
    model = model.replace("/", "_")
    for prefix, value in (
        ("auth_user_", w.operator.pk),
        ("auth_group_", w.group.pk),
        ("taggit_tag_", w.tag.pk),
    ):
        if model.startswith(prefix):
            return [value], True
    return [1], False


def _positional(route: Route, w: World) -> tuple[list[list], bool]:
    if route.name == "wagtail_serve":
        paths = [p.url.strip("/") + "/" for p in (w.home, w.news, w.private)]
        # The Transparansi routes: the published budget is public, the draft correction (version 2) is not.
        apbdes = "marang-kayu/sebuntal/transparansi/"
        apbdes_paths = [
            apbdes,
            f"{apbdes}tahun/2025/",
            f"{apbdes}tahun/2025/versi/2/",
            f"{apbdes}tahun/2025/data/json/",
            f"{apbdes}tahun/2025/data/csv/",
            f"{apbdes}tahun/2025/baliho/pdf/",
            f"{apbdes}perbandingan/",
        ]
        return [
            [p]
            for p in [
                *paths,
                "marang-kayu/sebuntal/rencana/",
                *apbdes_paths,
                *_ppid_paths(w),
                *_complaint_paths(w),
            ]
        ], True
    if route.name == "wagtaildocs_serve":
        return [[w.document.pk, w.document.filename]], True
    if route.name == "wagtailadmin_pages:revisions_compare":
        return [[w.news.pk, "earliest", "latest"]], True
    raise LookupError(route.key)


def _ppid_paths(w: World) -> list[str]:
    """The PPID request routes of Sebuntal's PPID page (routable, served by wagtail_serve)."""
    from sinergi.casework.tracking import display_code
    from sinergi.ppid.request_services import ppid_page

    base = ppid_page(w.village).url.strip("/")
    code = display_code(w.extra["ppid_request"].tracking_code)
    routes = ["permohonan/", f"tanda-terima/{code}/", "lacak/", f"lacak/{code}/", "keberatan/"]
    routes += ["register/", "register/unduh/", "laporan/", "laporan/unduh/"]
    return [f"{base}/{route}" for route in routes]


def _complaint_paths(w: World) -> list[str]:
    """The public complaint routes of Sebuntal's section, aimed at its private and its public case."""
    from sinergi.complaints.models import ComplaintsPage

    page = ComplaintsPage.objects.get(village=w.village)
    base = page.url.strip("/") + "/"
    private, public, photo = w.extra["complaint"], w.extra["complaint_public"], w.extra["complaint_photo"]
    paths = [base, base + "rss/", base + "kirim/", base + "lacak/"]
    for case in (private, public):
        paths += [f"{base}{case.year}/{case.number}/", f"{base}{case.year}/{case.number}/juga/"]
    paths.append(f"{base}{private.year}/{private.number}/foto/{photo.pk}/")
    paths.append(f"{base}{public.year}/{public.number}/foto/{photo.pk}/")  # another case's photo
    return paths


def _unnamed_url(route: Route, kwargs: dict) -> str:
    """Build the URL of a pattern without a name from its route text (only simple patterns exist)."""
    url = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m.group(1)]), route.pattern)
    url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), url)
    return "/" + url.replace("^", "").replace("$", "")


def _bulk_action_targets(route: Route, w: World) -> list[Target]:
    bulk_action_registry._scan_for_bulk_actions()
    ids = {
        ("wagtailcore", "page"): [w.home.pk, w.news.pk],
        ("wagtailimages", "image"): [w.image.pk],
        ("wagtaildocs", "document"): [w.document.pk],
        (User._meta.app_label, User._meta.model_name): [w.operator.pk],
    }
    targets = []
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            pks = ids.get((app_label, model_name))
            if not pks:
                continue
            query = urlencode([("id", pk) for pk in pks])
            for action in actions:
                url = reverse(route.name, args=[app_label, model_name, action])
                targets.append(Target(route, f"{url}?{query}", True))
    return targets


def targets(w: World) -> tuple[list[Target], list[str]]:
    """Every URL to probe, and the patterns that could not be filled."""
    found, unfilled = [], []
    for route in all_routes():
        try:
            if route.name == "wagtail_bulk_action":
                found.extend(_bulk_action_targets(route, w))
                continue
            if route.positional:
                arg_lists, about = _positional(route, w)
                found.extend(Target(route, reverse(route.name, args=args), about) for args in arg_lists)
                continue
            choices, about = [], False
            for param in route.params:
                values, names_sebuntal = _param_values(route, param, w)
                choices.append(values)
                about = about or names_sebuntal
            for combo in itertools.product(*choices):
                kwargs = dict(zip(route.params, combo, strict=True))
                url = reverse(route.name, kwargs=kwargs) if route.name else _unnamed_url(route, kwargs)
                found.append(Target(route, url, about))
        except LookupError as error:
            unfilled.append(f"{route.key} ({error})")
    return found, unfilled


# --------------------------------------------------------------------------- probing

WRITE = re.compile(r'^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?', re.IGNORECASE)
BOOKKEEPING = {"django_session", "axes_accessattempt", "axes_accesslog", "axes_accessfailurelog"}
LOGIN_PATHS = ("/admin/login/", "/django-admin/login/", "/_util/login/", "/kim/masuk/")
LOGOUT_ROUTES = {"wagtailadmin_logout", "admin:logout", "kim:logout"}
REFUSALS = {400, 403, 404, 405}


@dataclass
class Persona:
    name: str
    client: Client
    user: object | None = None
    has_admin: bool = False
    kim_member: object | None = None  # the persona's own KIM membership: it signs in as members do
    reads_sebuntal_index: bool = False  # Sebuntal's own kecamatan viewer (DISTRICT_VIEWER_ROUTES)

    def relogin(self):
        if self.kim_member is not None:
            # Phone number and password at /kim/masuk/, through KimMemberBackend, as on the phone.
            response = self.client.post(
                reverse("kim:login"), {"username": self.kim_member.phone, "password": KIM_MEMBER_PASSWORD}
            )
            assert response.status_code == 302, f"the KIM member could not sign in: {response.status_code}"
            assert response["Location"] == reverse("kim:home"), response["Location"]
        elif self.user is not None:
            self.client.force_login(self.user)


def _body(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode("utf-8", "replace")


def judge(persona: Persona, target: Target, method: str, response) -> str | None:
    """None when the answer is acceptable, else why not."""
    status = response.status_code
    if status >= 500:
        return "server error"
    if 200 <= status < 300:
        body = _body(response)
        if persona.reads_sebuntal_index and target.route.key in DISTRICT_VIEWER_ROUTES:
            body = body.replace(INDEX_MARKER, "")
        if found := MARKER.search(body):
            snippet = body[max(0, found.start() - 60) : found.start() + 40].replace("\n", " ")
            return f"reveals Sebuntal's private data: …{snippet}…"
    member_route = persona.kim_member is not None and target.route.namespace == "kim"
    if member_route and target.about_sebuntal:
        # Sebuntal's report, photo or member in a member page's address: the ownership check refuses it.
        if status in {403, 404, 405}:
            return None
        return f"a member page answers {status} for Sebuntal's object (must be 403/404)"
    if 300 <= status < 400:
        location = urlparse(response["Location"]).path
        if location.startswith(LOGIN_PATHS):
            return None
        if persona.has_admin and location.startswith("/admin/") and not MARKER.search(location):
            # Wagtail's "Sorry, you do not have permission" (to the dashboard) or a hop to another admin
            # screen, which is itself in the matrix; a POST that did something is caught by the DB check.
            return None
        kim_page = location.startswith("/kim/") and not MARKER.search(location)
        if member_route and target.route.key in KIM_MEMBER_ROUTES and kim_page:
            # The member's own pages lead to each other; a POST that did something is caught by the DB check.
            return None
        return f"redirects to {response['Location']}"
    if status in REFUSALS:
        return None
    if 200 <= status < 300:
        if target.route.key in PUBLIC_ROUTES:
            return None
        if persona.has_admin and not target.about_sebuntal:
            return None  # the operator's own admin screens
        if persona.reads_sebuntal_index and target.route.key in DISTRICT_VIEWER_ROUTES:
            return None  # Sebuntal's index, read by its own kecamatan's viewer
        if member_route and target.route.key in KIM_MEMBER_ROUTES:
            return None  # the member's own KIM pages (their address names nothing of Sebuntal's)
        return "2xx from a route that is not public"
    return f"unexpected status {status}"


@dataclass
class Sweep:
    baseline: dict  # the state before the sweep; moved on (and reported) when a POST changes it
    problems: list[str] = field(default_factory=list)
    requests: int = 0
    statuses: dict = field(default_factory=dict)


def probe(persona: Persona, target: Target, method: str, sweep: Sweep, w: World, url: str | None = None):
    url = url or target.url
    with CaptureQueriesContext(connection) as queries:
        response = persona.client.post(url, {}) if method == "POST" else persona.client.get(url)
    sweep.requests += 1
    sweep.statuses[(persona.name, method, url)] = response.status_code
    where = f"{persona.name:<18} {method:<4} {url} [{target.route.key}] -> {response.status_code}"
    problem = judge(persona, target, method, response)
    allowance = ALLOWANCES.get((target.route.key, persona.name, method))
    if problem and not allowance:
        sweep.problems.append(f"{where}: {problem}")
    # No write, no change: the full snapshot is compared only after a request that wrote something.
    written = {m.group(1) for q in queries.captured_queries if (m := WRITE.match(q["sql"]))} - BOOKKEEPING
    if written:
        after = snapshot(w)
        if after != sweep.baseline:
            where += f" (wrote {', '.join(sorted(written))})"
            sweep.problems.append(f"{where}: changed the database: {_diff(sweep.baseline, after)}")
            sweep.baseline = after
    if target.route.key in LOGOUT_ROUTES:
        persona.relogin()


def santan_ulu_kim_member(village, operator):
    """The ketua of Santan Ulu's KIM, made as the product makes a member, with a report of their own.

    Santan Ulu's operator registers the KIM and the member (the admin's member form), then invites
    them; the member accepts the invitation with a password of their own, which makes their account
    (username: the phone number) and links it to the membership.
    """
    with scope(village=village):
        kim = Kim.objects.create(village=village, name="KIM Santan Ulu Maju")
        form = KimMemberForm(
            {
                "name": "Dedi Kurniawan",
                "position": KimMember.Position.CHAIR,
                "phone": "0813 5566 7788",
                "joined_on": "2024-03-01",
                "civil_servant": KimMemberForm.NO,
            },
            kim=kim,
        )
        assert form.is_valid(), form.errors
        member = form.save()
    _invitation, token, _code = create_invitation(member, by=operator)
    user = accept_invitation(find_by_token(token), KIM_MEMBER_PASSWORD)
    with scope(village=village):
        member = KimMember.objects.select_related("kim", "user").get(pk=member.pk)
    assert member.user == user and user.is_active and member.is_active
    photo = SimpleUploadedFile("panen.jpg", h.jpeg_bytes(40, 30), content_type="image/jpeg")
    fields = {"title": MEMBER_OWN_TITLE, "body": "Warga Santan Ulu memanen padi.", "consent_confirmed": True}
    report = save_report(member, client_key=uuid.uuid4(), fields=fields, photos=[photo]).report
    do_transition(report, "submit", by=user)
    return member


def personas(santan_ulu, other_operator) -> list[Persona]:
    anonymous = Persona("anonim", Client(enforce_csrf_checks=False))
    member = santan_ulu_kim_member(santan_ulu, other_operator)
    kim_member = Persona(
        KIM_MEMBER_PERSONA, Client(enforce_csrf_checks=False), member.user, kim_member=member
    )
    santan = Persona(OPERATOR, Client(enforce_csrf_checks=False), other_operator, has_admin=True)
    viewers = []
    for name, district in ((VIEWER_ELSEWHERE, District.objects.get(code=TENGGARONG)), (VIEWER_OWN, None)):
        user = User.objects.create_user(username=name, password="uji-sandi-sinergi")
        district = district or santan_ulu.district  # Marang Kayu: Sebuntal's kecamatan too
        make_district_viewer(user, district)
        viewers.append(
            Persona(
                name,
                Client(enforce_csrf_checks=False),
                user,
                has_admin=True,
                reads_sebuntal_index=name == VIEWER_OWN,
            )
        )
    everyone = [anonymous, kim_member, santan, *viewers]
    for persona in everyone:
        persona.client.raise_request_exception = False
        persona.relogin()
    return everyone


# --------------------------------------------------------------------------- tests


def test_every_pattern_is_filled(world):
    found, unfilled = targets(world)
    assert not unfilled, f"patterns with parameters this test cannot fill: {unfilled}"
    keys = {t.route.key for t in found}
    assert keys == {r.key for r in all_routes()}, "some pattern produced no URL"
    # The enumeration is not vacuous: Wagtail's editing, media, user and group screens are all in it.
    for key in (
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:delete",
        "wagtailadmin_pages:move_confirm",
        "wagtailimages:edit",
        "wagtaildocs:edit",
        "wagtailusers_users:edit",
        "wagtailusers_groups:edit",
        "wagtailadmin_collections:edit",
        "wagtail_bulk_action",
        "wagtail_serve",
        "admin:auth_user_change",
        "sinergi_lockouts",
    ):
        assert key in keys, key
    assert world.task_state is not None, "no workflow on Sebuntal's pages: workflow URLs use a dummy id"
    for route in PUBLIC_ROUTES:
        assert route in keys, f"PUBLIC_ROUTES names a route that no longer exists: {route}"
    for route in KIM_MEMBER_ROUTES:
        assert route in keys, f"KIM_MEMBER_ROUTES names a route that no longer exists: {route}"
    for route in DISTRICT_VIEWER_ROUTES:
        assert route in keys, f"DISTRICT_VIEWER_ROUTES names a route that no longer exists: {route}"


def test_outsiders_neither_see_nor_change_sebuntal_through_any_url(world, santan_ulu, other_operator):
    started = time.monotonic()
    found, _unfilled = targets(world)
    everyone = personas(santan_ulu, other_operator)
    sweep = Sweep(baseline=snapshot(world))
    for persona in everyone:
        for target in found:
            probe(persona, target, "GET", sweep, world)
            probe(persona, target, "POST", sweep, world)
            # Listings and searches, aimed at Sebuntal; the others are sent to the login page anyway.
            if persona.has_admin and not target.route.params and target.route.pattern.startswith("admin/"):
                probe(persona, target, "GET", sweep, world, url=f"{target.url}?q={SEARCH_WORD}")

    patterns = len({t.route.key for t in found})
    summary = f"{patterns} patterns, {len(found)} URLs, {sweep.requests} requests in {time.monotonic() - started:.0f}s"
    assert not sweep.problems, f"{len(sweep.problems)} failure(s) ({summary}):\n" + "\n".join(sweep.problems)
    # The personas were really who they claim to be at the end.
    assert sweep.statuses[(OPERATOR, "GET", reverse("wagtailadmin_home"))] == 200
    for viewer in (VIEWER_ELSEWHERE, VIEWER_OWN):
        assert sweep.statuses[(viewer, "GET", reverse("wagtailadmin_home"))] == 200
    # Sebuntal's kecamatan viewer reads its index; the other kecamatan's viewer and the operator do not.
    sebuntal_index = reverse("monitoring_dashboard:village", args=[world.village.pk])
    assert sweep.statuses[(VIEWER_OWN, "GET", sebuntal_index)] == 200
    assert sweep.statuses[(VIEWER_ELSEWHERE, "GET", sebuntal_index)] == 404
    assert sweep.statuses[(OPERATOR, "GET", sebuntal_index)] == 403
    assert sweep.statuses[(KIM_MEMBER_PERSONA, "GET", reverse("wagtailadmin_home"))] == 302
    assert sweep.statuses[(KIM_MEMBER_PERSONA, "GET", reverse("kim:home"))] == 200
    assert sweep.statuses[(KIM_MEMBER_PERSONA, "GET", reverse("kim:members"))] == 200  # the ketua's list
    sebuntal_report = reverse("kim:report_detail", args=[world.extra["kim_report"].pk])
    assert sweep.statuses[(KIM_MEMBER_PERSONA, "GET", sebuntal_report)] == 404


MUST_SHOW_TO_OWN_OPERATOR = {
    "apbdes_admin:version",
    "apbdes_admin:preview",
    "apbdes_admin:realisation",
    "apbdes_admin:activity_edit",
    "wagtailadmin_pages:edit",
    "wagtailadmin_explore",
    "wagtailimages:edit",
    "wagtaildocs:edit",
    "wagtailadmin_api:pages:detail",
    "wagtailadmin_pages:revisions_view",
    "complaints_admin:case",
}


def test_the_markers_are_visible_to_sebuntals_own_operator(client, world, operator):
    """Positive control: the same URLs show the markers to the right person, so the check can fire."""
    client.force_login(operator)
    client.raise_request_exception = False
    seen = set()
    for target in targets(world)[0]:
        if target.route.key in MUST_SHOW_TO_OWN_OPERATOR:
            response = client.get(target.url)
            if response.status_code == 200 and MARKER.search(_body(response)):
                seen.add(target.route.key)
    assert seen == MUST_SHOW_TO_OWN_OPERATOR


def test_the_kim_member_sees_its_own_kim_pages_and_sebuntals_own_member_sees_the_markers(
    world, santan_ulu, other_operator
):
    """Positive controls for the member rules: the persona is a working member whose own report shows,
    and the same member pages do show Sebuntal's markers to Sebuntal's own member, so the check can fire."""
    [_anonymous, member, _operator, *_viewers] = personas(santan_ulu, other_operator)
    with scope(village=santan_ulu):
        own = Report.objects.get(author=member.kim_member)
        own_photo = own.photos.get()
    for url in (
        reverse("kim:home"),
        reverse("kim:report_detail", args=[own.pk]),
        reverse("kim:report_edit", args=[own.pk]),
    ):
        response = member.client.get(url)
        assert response.status_code == 200, url
        assert MEMBER_OWN_TITLE in _body(response), url
    assert member.client.get(reverse("kim:report_photo", args=[own.pk, own_photo.pk])).status_code == 200
    assert "Dedi Kurniawan" in _body(member.client.get(reverse("kim:members")))

    sebuntal_member = Client()
    sebuntal_member.force_login(world.extra["kim_member"].user)
    report = world.extra["kim_report"]
    for url in (reverse("kim:report_detail", args=[report.pk]), reverse("kim:report_edit", args=[report.pk])):
        response = sebuntal_member.get(url)
        assert response.status_code == 200 and MARKER.search(_body(response)), url
        assert member.client.get(url).status_code == 404, url


def test_the_database_check_sees_a_change(world, operator):
    """Positive control for the write detection: Sebuntal's own operator locking its page is noticed."""
    own = Persona("operator_sebuntal", Client(enforce_csrf_checks=False), operator, has_admin=True)
    own.relogin()
    sweep = Sweep(baseline=snapshot(world))
    lock = next(t for t in targets(world)[0] if t.route.key == "wagtailadmin_pages:lock")
    probe(own, lock, "POST", sweep, world)
    assert [p for p in sweep.problems if "changed the database: pages:" in p], sweep.problems
