"""Signals of the regions layer.

Bulk provisioning inserts villages with `bulk_create`, which sends no `post_save`. Whatever must
happen when a village is created (a receiver of `post_save` for `Village`) listens to
`villages_created` as well, and does it once for the whole list.
"""

from django.dispatch import Signal

# Sent inside the provisioning transaction with `villages`: the Village rows just bulk-created.
villages_created = Signal()
