"""The HTML stage's faster helpers against the plain computations they replace (seeded texts and
pages made up here): same elements, same texts, same answers."""

from __future__ import annotations

import random
import sys
import unicodedata

from lxml import etree
from lxml import html as lxml_html

from extractor.parse.html.body import (
    CONTROL_BUT_NEWLINE,
    after_images,
    is_caption,
    marked_captions,
    may_end_in_credit,
)
from extractor.parse.html.decoding import decode
from extractor.parse.html.meta import (
    CONTROL_BYTES,
    CONTROL_CHARS,
    HTML_PARSER,
    XML_NAME,
    drop_bad_names,
    parse_tree,
    read_page,
    spaced_text,
    text_of,
    without_controls,
)
from extractor.registry.bundle import bundled

# The caption prefilter as it was written first: XPath's contains(), one walk for each part.

CLASSES = ["caption", "Caption", "CAPTION", "photo-desc", "PhotoDesc", "img_desc", "expNoEdit",
           "EXPNOEDIT", "fig-desc", "description", "story", "content", "tieude", "sapo"]


def test_control_characters_but_the_newline_are_category_cc() -> None:
    """The regex removes exactly what ``unicodedata.category(ch) == "Cc"`` did, but the newline."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    wanted = [ch for ch in every if ch != "\n" and unicodedata.category(ch) == "Cc"]
    assert CONTROL_BUT_NEWLINE.findall(every) == wanted


def random_page(rng: random.Random) -> str:
    """A page of nested blocks with random caption-like classes, figcaptions and images."""
    parts = ["<html><body>"]
    for _ in range(rng.randint(5, 40)):
        tag = rng.choice(["div", "p", "span", "figcaption", "figure", "em", "body", "article"])
        cls = " ".join(rng.sample(CLASSES, rng.randint(0, 2)))
        attr = f' class="{cls}"' if cls or rng.random() < 0.2 else ""
        image = '<img src="a.jpg">' if rng.random() < 0.4 else ""
        credit = rng.choice(["", "Ảnh: Minh Đức", "Photo: VNA", "a: b. c", "Nguồn ảnh : X)"])
        parts.append(f"<{tag}{attr}>{image}text {credit}</{tag}>" + ("<p>after</p>" if image else ""))
    return "".join(parts) + "</body></html>"


def test_marked_captions_are_every_element_is_caption_takes() -> None:
    """The one-walk caption lookup (a prefilter, then ``is_caption``) finds what ``is_caption``
    finds over every element, class names in any case ("CAPTION", "EXPNOEDIT") included."""
    rng = random.Random(39)
    for _ in range(300):
        tree = lxml_html.document_fromstring(random_page(rng), parser=HTML_PARSER)
        every = [el for el in tree.iter(etree.Element) if is_caption(el)]
        assert marked_captions(tree) == every


def test_after_images_holds_each_element_once_in_first_found_order() -> None:
    rng = random.Random(7)
    for _ in range(100):
        tree = lxml_html.document_fromstring(random_page(rng), parser=HTML_PARSER)
        found = after_images(tree)
        assert len(found) == len(set(found))
        gallery = lxml_html.document_fromstring(
            '<html><body><div><img><img><p>one</p><p>two</p></div></body></html>', parser=HTML_PARSER)
        assert [el.text for el in after_images(gallery) if el.tag == "p"] == ["one", "two"]


def test_a_text_that_may_not_end_in_a_credit_never_matches_the_credit_pattern() -> None:
    """``may_end_in_credit`` is a necessary condition of ``photo_credit``: seeded texts of credit
    words, colons, stops and brackets never match the pattern where it says no."""
    pattern = bundled().html.page.photo_credit
    assert pattern.pattern.endswith(r"\s*:\s*[^.:;]{1,60}\)?\s*$")  # what the test reads
    pieces = ["Ảnh", "ảnh minh họa", "Photo", "IMAGE", "Nguồn ảnh", ":", " : ", ".", ";", ")", " ",
              "Minh Đức", "x" * 30, "TTXVN", "(", "\u00a0"]
    rng = random.Random(18)
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        if pattern.search(text):
            matched += 1
            assert may_end_in_credit(text), text
    assert matched > 1000
    assert not may_end_in_credit("Thai Nguyen: policy credit capital reaches VND 70,482 billion after six months")


def drop_bad_names_plainly(tree: lxml_html.HtmlElement) -> None:
    """What ``drop_bad_names`` did before: every element's names matched, attributes then tags."""
    elements = [el for el in tree.iter() if isinstance(el.tag, str)]
    for el in elements:
        if not all(XML_NAME.match(name) for name in el.keys()):  # noqa: SIM118 (iterating an element gives its children)
            items = el.items()
            el.attrib.clear()
            for name, value in items:
                if XML_NAME.match(name):
                    el.set(name, value)
    for el in [el for el in elements if not XML_NAME.match(el.tag)]:
        if el.getparent() is not None:
            el.drop_tag()


def test_drop_bad_names_does_what_matching_every_element_did() -> None:
    rng = random.Random(17)
    names = ["p", "div", "l\"", "o:p", "a1", "x.y", "9z", "span"]
    attributes = ['class="a"', 'd"e="3"', 'xml:lang="vi"', 'id="x"', "data-x=1", '1a="b"']
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 12)):
            tag = rng.choice(names)
            attrs = " ".join(rng.sample(attributes, rng.randint(0, 2)))
            parts.append(f"<{tag} {attrs}>t{rng.randint(0, 9)}</{tag}>")
        page = "<html><body>" + "".join(parts) + "</body></html>"
        fast, plain = (lxml_html.document_fromstring(page, parser=HTML_PARSER) for _ in range(2))
        drop_bad_names(fast)
        drop_bad_names_plainly(plain)
        assert etree.tostring(fast) == etree.tostring(plain), page


def test_the_parser_hands_out_lxml_html_s_own_classes() -> None:
    tree = parse_tree("<html><body><form><input name=a><select></select><textarea></textarea>"
                      "<label>l</label></form><!-- c --><p>x</p></body></html>",
                      source="t.html", max_elements=100)
    kinds = {el.tag if isinstance(el.tag, str) else "comment": type(el) for el in tree.iter()}
    assert kinds["form"] is lxml_html.FormElement and kinds["input"] is lxml_html.InputElement
    assert kinds["select"] is lxml_html.SelectElement and kinds["label"] is lxml_html.LabelElement
    assert kinds["textarea"] is lxml_html.TextareaElement and kinds["comment"] is lxml_html.HtmlComment
    assert kinds["p"] is lxml_html.HtmlElement and kinds["body"] is lxml_html.HtmlElement


def test_valid_utf8_decodes_as_the_replacing_reader_reads_it() -> None:
    from extractor.parse.text import mostly_utf8

    for raw in ("Dư nợ 13.374 tỷ đồng".encode(), b"plain ascii", "Ảnh\u0301".encode()):
        found = mostly_utf8(raw)
        assert found is not None
        assert decode(raw) == found._replace(text=unicodedata.normalize("NFC", found.text))
    assert decode(b"D\xff n\xe1\xbb\xa3 " + "tỷ đồng ".encode() * 10).replaced == 1


TEXT_PIECES = ["Dư nợ", " 13.374 ", "tỷ\u00a0đồng", "&amp;", "&nbsp;", "&#7843;", "<b>bold</b>", "<br>",
               "<!-- a comment -->", "<i>in <em>nested</em></i>", "\n\t", "<img src=x>", "<span></span>",
               "<![CDATA[x]]>", "<?pi x?>", "a: b", "<script>var a = '<p>';</script>", "<p>para</p>"]


def test_text_of_is_what_text_content_returns() -> None:
    """``text_of`` (``.text`` of a childless element, else lxml's text serialiser) gives what
    lxml.html's ``text_content()`` gives for every element of seeded pages (entities, comments,
    processing instructions, CDATA, scripts, empty and nested elements); ``spaced_text`` is it
    with white space collapsed."""
    rng = random.Random(42)
    elements = 0
    for _ in range(300):
        parts = ["<html><body>"]
        for _ in range(rng.randint(1, 15)):
            tag = rng.choice(["a", "div", "p", "span", "td", "h1"])
            inner = "".join(rng.choice(TEXT_PIECES) for _ in range(rng.randint(0, 5)))
            parts.append(f"<{tag}>{inner}</{tag}>" + rng.choice(["", "tail", " "]))
        tree = parse_tree("".join(parts) + "</body></html>", source="t.html", max_elements=1000)
        for el in tree.iter(etree.Element):
            elements += 1
            assert text_of(el) == el.text_content(), etree.tostring(el)
            assert spaced_text(el) == " ".join(el.text_content().split())
    assert elements > 3000


def test_marked_captions_on_a_page_without_caption_classes_are_its_figcaptions() -> None:
    """The classes searched at once: a page none of whose classes names a caption hands out its
    <figcaption>s, in page order, as the walk over every element does."""
    page = ('<html><body><div class="story"><figure><img><figcaption>one</figcaption></figure>'
            '<p class="lead description-x">x</p><figcaption class="c">two</figcaption></div></body></html>')
    for html, count in ((page, 2), (page.replace("description-x", "sapo"), 2),
                        (page.replace('"c"', '"Caption"'), 2), (page.replace("figcaption", "div"), 0)):
        tree = lxml_html.document_fromstring(html, parser=HTML_PARSER)
        every = [el for el in tree.iter(etree.Element) if is_caption(el)]
        assert marked_captions(tree) == every
        assert sum(el.tag == "figcaption" for el in every) == count


def test_without_controls_removes_what_the_control_pattern_finds() -> None:
    """CONTROL_BYTES are the UTF-8 bytes of exactly the characters CONTROL_CHARS finds (every
    code point tried, surrogates too), so a text whose bytes hold none is left as it is."""
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        held = any(b in CONTROL_BYTES for b in ch.encode("utf-8", "surrogatepass"))
        assert held == bool(CONTROL_CHARS.match(ch)), hex(code)
    rng = random.Random(11)
    pieces = ["Dư nợ", "\x00", "\x07", "\t", "\n", "\r", "\x0b", "\x1f", "\x7f", "\x80", "<p>", "\ud800", " "]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert without_controls(text) == CONTROL_CHARS.sub("", text)


def test_read_page_holds_the_objects_every_walk_hands_out() -> None:
    """``read_page``'s tree is ``parse_tree``'s, and while its elements are held a walk of the
    tree hands out those very objects (lxml builds none anew)."""
    html = ('<html><head><title>T</title></head><body><div class="a"><p>1.234<br>5</p>'
            '<!-- c --><a href="x">link</a><l">x</l"></div></body></html>')
    page = read_page(html, source="t.html", max_elements=100)
    assert etree.tostring(page.tree) == etree.tostring(parse_tree(html, source="t.html", max_elements=100))
    walked = list(page.tree.iter(etree.Element))
    assert all(any(el is held for held in page.elements) for el in walked)
    assert [el.tag for el in page.elements if el.getparent() is not None or el is page.tree] == [
        el.tag for el in walked]


def test_may_end_in_credit_answers_alike_before_and_after_spaces_are_collapsed() -> None:
    """``is_credit_line`` asks ``may_end_in_credit`` of an element's text as read, spaces not yet
    collapsed: seeded texts of credit words, colons, stops and runs of white space (newlines,
    tabs, no-break spaces) get the answer they get collapsed, near the 61-character bound too."""
    pieces = ["Ảnh", "Photo", ":", " : ", ".", ";", ")", " ", "  \n\t ", "\u00a0", "Minh Đức",
              "x" * 20, "y" * 29, "TTXVN", "\n"]
    rng = random.Random(61)
    told = set()
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        answer = may_end_in_credit(text)
        assert answer == may_end_in_credit(" ".join(text.split())), repr(text)
        told.add(answer)
    assert told == {True, False}
