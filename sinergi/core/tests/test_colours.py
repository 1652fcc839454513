import pytest
from django.core.exceptions import ValidationError

from sinergi.core.validators import validate_brand_colour


def test_a_dark_colour_is_accepted():
    validate_brand_colour("#1B5E20")


@pytest.mark.parametrize("value", ["#FFEB3B", "#ffffff", "#8BC34A"])
def test_a_colour_too_light_for_white_text_is_refused_with_the_ratio(value):
    with pytest.raises(ValidationError) as info:
        validate_brand_colour(value)
    assert "terlalu terang" in str(info.value)


@pytest.mark.parametrize("value", ["hijau", "#12345", "#GGGGGG", "", "red;}body{display:none"])
def test_a_value_that_is_not_a_hex_colour_is_refused(value):
    with pytest.raises(ValidationError) as info:
        validate_brand_colour(value)
    assert "heksadesimal" in str(info.value)
