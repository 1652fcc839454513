"""A page read from the database skips ClusterableModel's and Page's constructors (SinergiPage.__init__):
it must be the page their constructors would have built, and pages built in code keep what those
constructors give them."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from sinergi.core.tests.factories import make_news
from sinergi.portal.models import DistrictPage
from sinergi.villages.models import GovernmentPage, NewsPage, Official


def _fields(page):
    return {name: value for name, value in vars(page).items() if name != "_state"}


def test_every_page_read_from_the_database_is_the_page_wagtail_s_constructors_build(sebuntal):
    make_news(sebuntal, "Kabar Dari Kebun")
    pages = list(Page.objects.filter(depth__gte=2).specific())
    assert len(pages) > 300 and {type(page) for page in pages} >= {NewsPage, GovernmentPage, DistrictPage}
    for model in {type(page) for page in pages}:
        names = [field.attname for field in model._meta.concrete_fields]
        rows = {row[0]: row for row in model.objects.values_list(*names)}
        for page in (page for page in pages if type(page) is model):
            built = model.__new__(model)
            Page.__init__(built, *rows[page.pk])  # Page's and ClusterableModel's constructors, then Django's
            assert _fields(page) == _fields(built) == dict(zip(names, rows[page.pk], strict=True))
            assert not page._state.adding and page.specific_class is model


def test_a_page_read_from_the_database_reads_and_edits_its_child_objects(sebuntal):
    government = GovernmentPage.objects.get(path__startswith=sebuntal.page.path)
    government.officials = [
        Official(name="Siti Aminah", position="Sekretaris Desa", tier=Official.Tier.SECRETARIAT)
    ]
    government.save_revision().publish()

    again = GovernmentPage.objects.get(pk=government.pk)
    assert [official.name for official in again.officials.all()] == ["Siti Aminah"]
    draft = again.get_latest_revision_as_object()
    assert [official.name for official in draft.officials.all()] == ["Siti Aminah"]


def test_a_page_built_in_code_gets_its_type_menu_default_and_child_objects(db):
    article = NewsPage(title="Kabar baru")
    assert article.content_type == ContentType.objects.get_for_model(NewsPage)
    assert article.show_in_menus is NewsPage.show_in_menus_default

    head = Official(name="H. Abdul Rahman", position="Kepala Desa", tier=Official.Tier.HEAD)
    government = GovernmentPage(title="Pemerintahan", officials=[head])
    assert list(government.officials.all()) == [head]


def test_bare_pages_are_the_pages_django_reads_for_the_same_fields(sebuntal):
    from sinergi.core.pages import _CHILD_FIELDS, _PAGE_FIELDS, bare_pages

    for names in (_PAGE_FIELDS, _CHILD_FIELDS):
        queryset = Page.objects.filter(path__startswith=sebuntal.page.path).order_by("path")
        read = list(queryset.only(*names)) if names is _CHILD_FIELDS else list(queryset)
        bare = bare_pages(queryset.values_list(*names), names)
        assert len(bare) > 10
        for page, made in zip(read, bare, strict=True):
            assert type(made) is Page and _fields(made) == _fields(page)
            assert made.get_deferred_fields() == page.get_deferred_fields()
            assert made._state.db == page._state.db and made._state.adding is page._state.adding is False
    # A field left out is read when first used, as with only().
    made = bare_pages(Page.objects.filter(pk=sebuntal.page.pk).values_list(*_CHILD_FIELDS), _CHILD_FIELDS)[0]
    assert made.seo_title == Page.objects.get(pk=sebuntal.page.pk).seo_title
    assert made.specific.village.pk == sebuntal.pk
