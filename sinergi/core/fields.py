"""Model fields shared by the apps."""

from django.db import models

from sinergi.core.validators import normalised_phone_number, validate_phone_number


class PhoneNumberField(models.CharField):
    """An Indonesian phone or WhatsApp number: validated wherever the model is cleaned (admin, forms) and
    stored in one national form, so pages and tel:/wa.me links never get free text."""

    default_validators = [validate_phone_number]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = normalised_phone_number(super().pre_save(model_instance, add))
        setattr(model_instance, self.attname, value)
        return value
