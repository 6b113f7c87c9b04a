"""Passwords out of text that a person or a log file will see.

Kept apart from storage so that the support log can use it without loading SQLAlchemy.
"""

from __future__ import annotations

import re

_URL_PASSWORD = re.compile(r"(?P<head>://[^:/@\s]*:)(?P<password>[^@\s]*)(?P<tail>@)")


def redact(text: str, secret: str | None = None) -> str:
    """``text`` with any ``user:password@`` password (and ``secret``) replaced by ``***``."""
    text = _URL_PASSWORD.sub(r"\g<head>***\g<tail>", text)
    if secret:
        text = text.replace(secret, "***")
    return text
