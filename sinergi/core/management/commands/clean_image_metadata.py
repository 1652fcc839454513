"""Clean the library images stored before every upload was cleaned (sinergi.core.images).

An original that still carries EXIF, XMP or other metadata is stored again through the cleaner, and
its renditions (which copied that metadata) are deleted so they are made again from the clean file.
"""

import io
import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image as PILImage
from wagtail.images import get_image_model

METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment", "icc_profile")


def carries_metadata(content: bytes) -> bool:
    with PILImage.open(io.BytesIO(content)) as image:
        return bool(image.getexif()) or any(key in image.info for key in METADATA_KEYS)


class Command(BaseCommand):
    help = "Hapus lokasi dan data kamera dari gambar yang diunggah sebelum pembersihan otomatis."

    def handle(self, *args, **options):
        cleaned = failed = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            try:
                with image.open_file() as f:
                    content = f.read()
                if not carries_metadata(content):
                    continue
                with transaction.atomic():
                    # Saving through the field cleans; django-cleanup deletes the old file on commit.
                    image.file.save(os.path.basename(image.file.name), ContentFile(content), save=False)
                    image.save()
                    image.renditions.all().delete()
                cleaned += 1
            except (OSError, ValidationError) as error:
                failed += 1
                self.stderr.write(f"gambar {image.pk}: {error}")
        self.stdout.write(f"{cleaned} gambar dibersihkan, {failed} gagal.")
