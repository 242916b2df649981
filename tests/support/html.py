"""Reading a built page as a person reads it: its text, without tags and scripts."""

from __future__ import annotations

import re
from html import unescape


def text_of(html: str) -> str:
    """The visible words of `html`, whitespace collapsed."""
    body = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))
