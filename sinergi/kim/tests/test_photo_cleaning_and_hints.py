import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sinergi.kim.photos import clean_photo
from sinergi.kim.services import writing_hints


def test_a_truncated_jpeg_is_refused_with_its_name_not_a_crash():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 30, 30)).save(buffer, "JPEG")
    truncated = buffer.getvalue()[: len(buffer.getvalue()) // 2]
    with pytest.raises(ValidationError) as info:
        clean_photo(SimpleUploadedFile("posyandu.jpg", truncated))
    assert "posyandu.jpg bukan foto yang bisa dibaca" in " ".join(info.value.messages)


def test_the_who_hint_sees_a_capitalised_word_at_the_start_of_a_sentence():
    hints = {h.key: h.ok for h in writing_hints("Judul", "Warga datang ke balai.", 0)}
    assert hints["who"] is True
