from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import index as sitemap_index
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from sinergi.core import views as core_views
from sinergi.core.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("kim/", include("sinergi.kim.urls")),
    path("indeks/", include("sinergi.monitoring.urls")),
    # An index of files of at most SITEMAP_MAX_URLS addresses (sinergi/core/sitemaps.py).
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
]


# As nginx serves /media/ (deploy/nginx/sinergi.conf): uploads have random names and renditions are
# named after them, so a changed file has a new URL and may be cached for a year.
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"


def serve_media(request, path):
    """Public uploads only: MEDIA_ROOT read per request (tests move it). Unpublished KIM material lives
    in the private storage, outside MEDIA_ROOT, and is served only by views that check permission."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = MEDIA_CACHE_CONTROL
    return response


if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "sinergi.core.views.page_not_found"
handler500 = "sinergi.core.views.server_error"
