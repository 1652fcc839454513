from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from sinergi.core import views as core_views
from sinergi.core.sitemaps import ListableSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("kim/", include("sinergi.kim.urls")),
    path("indeks/", include("sinergi.monitoring.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": ListableSitemap}}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
]


def serve_media(request, path):
    """Public uploads only: MEDIA_ROOT read per request (tests move it). Unpublished KIM material lives
    in the private storage, outside MEDIA_ROOT, and is served only by views that check permission."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "sinergi.core.views.page_not_found"
handler500 = "sinergi.core.views.server_error"
