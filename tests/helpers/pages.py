"""Where the numbers of a fixture page sit: chrome, captions, body (``data-fx`` marks them).

The HTML tests check that a parse keeps the body's numbers and drops the chrome's; the fetch
tests check the same of a crawled page.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from extractor.parse.html import decode

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(text: str) -> set[str]:
    """Every number written in a text ("13.374", "0,09", "2025")."""
    return set(NUMBER.findall(text))


def spaced(el: lxml_html.HtmlElement) -> str:
    """An element's text with its pieces spaced, so table cells do not glue together."""
    return " ".join(el.itertext())


def regions(raw: bytes) -> dict[str, set[str]]:
    """Numbers by region of a fixture page: chrome, captions, body, and everything outside chrome."""
    tree = lxml_html.document_fromstring(decode(raw)[0])
    for el in tree.xpath("//script|//style|//head"):
        el.drop_tree()
    found: dict[str, set[str]] = {"chrome": set(), "caption": set(), "body": set()}
    for name in ("chrome", "caption", "body"):
        for el in tree.xpath(f'//*[@data-fx="{name}"]'):
            found[name] |= numbers(spaced(el))
            if name != "body":
                el.drop_tree()
    found["outside"] = numbers(spaced(tree))
    return found
