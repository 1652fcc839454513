from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /kim/",
        "Disallow: /*/cari/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    site = Site.find_for_request(request)
    portal = site.root_page.specific if site else None
    return render(request, "404.html", {"portal_home": portal, "village_home": None}, status=404)


def server_error(request):
    # No context processors and no database: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
