"""Choices shared by contacts, feedback and standards."""

from django.db import models


class Channel(models.TextChoices):
    FACE_TO_FACE = "face_to_face", "Face to face"
    TELEPHONE = "telephone", "Telephone"
    EMAIL = "email", "Email"
    WEB_FORM = "web_form", "Web form"
    LETTER = "letter", "Letter"
    KIOSK = "kiosk", "Kiosk"
    SOCIAL = "social", "Social media"
