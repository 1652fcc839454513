"""Public URLs of the index, mounted at /indeks/ (namespace "monitoring")."""

from django.urls import path

from sinergi.monitoring import public

app_name = "monitoring"
urlpatterns = [
    path("", public.ranking, name="ranking"),
    path("metodologi/", public.methodology, name="methodology"),
    path("desa/<str:code>/", public.village, name="village"),
]
