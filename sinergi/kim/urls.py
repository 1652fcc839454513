"""Member-facing KIM pages (the newsroom on the phone). Filled in by the member-side views."""

app_name = "kim"
urlpatterns = []
