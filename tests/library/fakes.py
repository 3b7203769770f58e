"""A stand-in for an antivirus scanner: refuses the EICAR test string."""

from django.core.exceptions import ValidationError


EICAR_SIGNATURE = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE"


def refuse_eicar(uploaded_file):
    uploaded_file.seek(0)
    content = uploaded_file.read()
    uploaded_file.seek(0)
    if EICAR_SIGNATURE in content:
        raise ValidationError("The file looks infected.", code="infected")
