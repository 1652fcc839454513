"""Image and document models: Wagtail's, with safe stored names, originals cleaned of location and
camera data (sinergi.core.images) and content checks on documents."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, models
from django.utils.translation import gettext_lazy as _
from django_cleanup import cleanup
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition, get_upload_to

from sinergi.core.images import CleanedImageField
from sinergi.core.prepared import PreparedQuery, instances_from_rows
from sinergi.core.uploads import extension_of, random_name, validate_document_content


def image_extension(field_file) -> str:
    try:
        field_file.seek(0)
        head = field_file.read(16)
        field_file.seek(0)
    except (OSError, ValueError):
        return ""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return ""


class SinergiImage(AbstractImage):
    admin_form_fields = ("title", "file", "collection", "tags", "focal_point_x", "focal_point_y",
                         "focal_point_width", "focal_point_height")  # fmt: skip
    # Wagtail's field, but every stored original is cleaned first, whichever path saves it (admin,
    # chooser, KIM article, demo): renditions copy the original's EXIF, so it must have none.
    file = CleanedImageField(
        verbose_name=_("file"), upload_to=get_upload_to, width_field="width", height_field="height"
    )

    def save(self, *args, **kwargs):
        # Store (and so clean) a new file first: the size, hash, width and height saved with the row
        # must be the cleaned file's, whatever order the fields are written in.
        if self.file and not self.file._committed:
            self.file.save(self.file.name, self.file.file, save=False)
        super().save(*args, **kwargs)

    def get_upload_to(self, filename):
        # Wagtail's form has already checked the content is an image; name it after what it is.
        return random_name("original_images", image_extension(self.file) or extension_of(filename) or "img")


# A rendition's file never changes, and Wagtail deletes it with its row (post_delete, after the
# commit): django-cleanup has nothing to do for renditions, and its per-instance record of the file
# name would cost on every rendition a public page reads.
@cleanup.ignore
class SinergiRendition(AbstractRendition):
    image = models.ForeignKey(SinergiImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def document_upload_to(instance, filename):
    return random_name("documents", extension_of(filename) or "bin")


class SinergiDocument(AbstractDocument):
    file = models.FileField(upload_to=document_upload_to, verbose_name=_("berkas"))
    admin_form_fields = ("title", "file", "collection", "tags")

    def clean(self):
        super().clean()
        if self.file and not getattr(self.file, "_committed", True):
            try:
                validate_document_content(self.file.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages[0]}) from error


class RateCounter(models.Model):
    """A throttle counter in the database, used when there is no Redis (sinergi/core/throttle.py).

    Not a cache entry: page traffic cannot evict it, every worker process counts in the same row, and
    an UPDATE ... SET count = count + 1 counts concurrent hits exactly (Django's DatabaseCache would
    read and write the value back, losing hits that race). Expired rows are pruned by `kim_prune`.
    """

    name = models.CharField(max_length=255)
    window = models.BigIntegerField()  # the window's number since the epoch (time // window length)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "window"], name="core_unique_rate_counter_window")
        ]

    def __str__(self):
        return f"{self.name}@{self.window}: {self.count}"


# A listing's pictures: their renditions in one prepared query (core/prepared.py), as rows.
_RENDITION_FIELDS = tuple(field.attname for field in SinergiRendition._meta.concrete_fields)
_rendition_rows = PreparedQuery(
    lambda image_ids: SinergiRendition.objects.filter(image_id__in=image_ids).values_list(*_RENDITION_FIELDS)
)


def _renditions_of(image_ids, using: str = DEFAULT_DB_ALIAS) -> list:
    """The renditions of `image_ids`, what `SinergiRendition.objects.filter(image_id__in=...)` gives,
    made from rows without Django's constructor and its post_init signal per object: a village home
    reads some thirty renditions (every size made of its ten pictures), the portal fifty. The signal's
    only receiver for renditions is the file field's, which fills width and height from the file when
    they are empty; a rendition's row always holds them (core/tests/test_image_tags.py)."""
    rows = _rendition_rows(image_ids, using=using)
    return instances_from_rows(SinergiRendition, rows, _RENDITION_FIELDS, using)


def want_renditions(request, images) -> None:
    """Note `images` (None skipped) as shown by the page `request` renders: the first image tag that
    finds an image without its renditions reads those of all the noted ones in one query
    (`ensure_renditions`). Without it each picture costs a cache read and write, or a query when the
    cache is cold: five lookups on a village home (its banner twice, its logo, the head's photo and
    the regency's crest)."""
    if request is None:
        return
    wanted = request.__dict__.setdefault("_sinergi_wanted_images", [])
    wanted.extend(image for image in images if image is not None)


def ensure_renditions(request, image) -> None:
    """If `image` was noted for this request (`want_renditions`), give it its renditions, read in one
    query with those of every noted image that has none yet. Called by the image template tags."""
    if image._get_prefetched_renditions() is not None:
        return
    wanted = getattr(request, "_sinergi_wanted_images", ()) if request is not None else ()
    if not any(other is image for other in wanted):
        return  # not noted: Wagtail's own lookup (its cache, then the database)
    attach_renditions([other for other in wanted if other._get_prefetched_renditions() is None])


def joined_images(*objects) -> list:
    """The images among the relations already read with `objects` (select_related: a village home's
    logo and banner, the regency's crest through its identity), a few levels deep, without a query."""
    found, seen = [], set()

    def walk(obj, depth):
        if obj is None or id(obj) in seen or depth > 5:
            return
        seen.add(id(obj))
        if isinstance(obj, AbstractImage):
            found.append(obj)
            return
        state = getattr(obj, "_state", None)
        for value in getattr(state, "fields_cache", {}).values():
            if isinstance(value, models.Model):
                walk(value, depth + 1)

    for obj in objects:
        walk(obj, 0)
    return found


def attach_renditions(images) -> None:
    """Read the renditions of `images` (None skipped) in one query, where Wagtail's image tags look
    first (`prefetched_renditions`), as `prefetch_related("image__renditions")` would."""
    images = [image for image in images if image is not None]
    if not images:
        return
    by_image = defaultdict(list)
    for rendition in _renditions_of([image.pk for image in images]):
        by_image[rendition.image_id].append(rendition)
    for image in images:
        for rendition in by_image[image.pk]:
            rendition.image = image
        image.prefetched_renditions = by_image[image.pk]
