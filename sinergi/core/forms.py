"""Wagtail's image form, with messages in Indonesian, decompression bombs refused politely and every
upload cleaned of location and camera data while the form is checked (so a bad file is a form error)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from sinergi.core.images import LIBRARY_MAX_EDGE, clean_image


class SafeImageField(WagtailImageField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages.update(
            {
                "invalid_image": _("Berkas ini bukan gambar. Unggah foto berformat JPG, PNG atau WebP."),
                "invalid_image_extension": _("Format gambar tidak didukung. Gunakan JPG, PNG atau WebP."),
                "invalid_image_known_format": _(
                    "Isi berkas tidak sesuai dengan namanya (.%(extension)s berisi %(image_format)s)."
                ),
                "file_too_large": _(
                    "Berkas terlalu besar (%(file_size)s). Ukuran maksimal %(max_filesize)s."
                ),
                "file_too_many_pixels": _(
                    "Gambar terlalu besar (%(num_pixels)s piksel). Maksimal %(max_pixels_count)s piksel; "
                    "perkecil ukurannya lalu unggah lagi."
                ),
                "file_too_large_unknown_size": _("Berkas terlalu besar. Ukuran maksimal %(max_filesize)s.")
                % {"max_filesize": self.max_upload_size_text},
            }
        )

    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except PILImage.DecompressionBombError as error:
            # Pillow refuses far-too-large images (here or in the pixel check this calls) before
            # Wagtail's own check can word it.
            raise ValidationError(
                _("Gambar terlalu besar (lebih dari %(max)s piksel); perkecil ukurannya lalu unggah lagi.")
                % {"max": self.max_image_pixels},
                code="file_too_many_pixels",
            ) from error
        if upload is not None:
            # The image model stores this cleaned copy as it is (CleanedImageField), without decoding again.
            upload.clean_image = clean_image(upload, max_edge=LIBRARY_MAX_EDGE)
        return upload


class SinergiImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField) and not isinstance(field, SafeImageField):
            safe = SafeImageField(
                required=field.required, label=field.label, help_text=field.help_text, widget=field.widget
            )
            self.fields["file"] = safe
