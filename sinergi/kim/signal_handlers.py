"""When the operator publishes, in the page editor, the news draft made from an approved report, the
report becomes published too (transition "publish_news"), so its author hears that it is online.

Wagtail sends `page_published` with the specific page class as sender, for a publish from the editor,
a scheduled publish or a workflow approval alike.
"""

import logging

from django.dispatch import receiver
from django_scopes import scopes_disabled
from wagtail.signals import page_published

from sinergi.kim.models import Report
from sinergi.kim.workflow import TransitionError, do_transition, is_village_operator
from sinergi.villages.models import NewsPage

log = logging.getLogger(__name__)


@receiver(page_published, sender=NewsPage, dispatch_uid="kim_report_news_published")
def publish_reports_of_news_page(sender, instance, revision=None, **kwargs):
    with scopes_disabled():
        reports = list(
            Report.objects.filter(news_page_id=instance.pk, state=Report.State.APPROVED_DRAFT).select_related(
                "village__district__regency"
            )
        )
    user = getattr(revision, "user", None)
    for report in reports:
        # Someone with page rights but no say over the village's KIM still publishes the page: the
        # report then moves as the system's doing, not theirs.
        by = user if user is not None and is_village_operator(user, report.village) else None
        try:
            do_transition(report, "publish_news", by=by)
        except TransitionError:
            log.info("Report %s was no longer waiting for its news page", report.pk)
