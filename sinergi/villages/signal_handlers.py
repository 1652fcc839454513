from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import post_page_move

from sinergi.villages.models import assign_villages


@receiver(post_page_move)
def _page_moved(sender, instance, **kwargs):
    # A page moved to another village (and everything under it) now belongs to that village.
    assign_villages(Page.objects.get(pk=instance.pk))
