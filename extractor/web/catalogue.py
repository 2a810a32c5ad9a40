"""The message catalogue kept in step with the code: every message of the templates and of the web's
Python (``_()``, ``{% trans %}``, ``N_()``) is in ``locale/vi/LC_MESSAGES/messages.po``.

    python -m extractor.web.catalogue          # add new messages (untranslated), drop gone ones
    python -m extractor.web.catalogue --check  # exit 1 listing messages missing or untranslated

The test suite runs the check (tests/test_web_i18n.py), so a new message without its Vietnamese
fails it; translations are written by a person into the ``.po`` file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from extractor.web.i18n import DOMAIN, po_path

WEB = Path(__file__).parent
METHODS = [("templates/**.html", "jinja2.ext:babel_extract"), ("**.py", "python")]
OPTIONS = {"templates/**.html": {"trimmed": "false", "extensions": "jinja2.ext.i18n"}}
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extracted() -> dict[str | tuple[str, str], list[str]]:
    """Every message the web's templates and Python use, with where each is used."""
    found: dict[str | tuple[str, str], list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            WEB, METHODS, OPTIONS, keywords=KEYWORDS, strip_comment_tags=True):
        key: str | tuple[str, str] = message if isinstance(message, str) else (message[0], message[1])
        found.setdefault(key, []).append(f"{filename}:{lineno}")
    return found


def read_catalogue(lang: str = "vi") -> Catalog:
    """The catalogue of ``lang`` as stored (empty when there is none yet)."""
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def problems(lang: str = "vi") -> list[str]:
    """Messages used but missing or untranslated in the catalogue, and catalogue entries no longer used."""
    catalog, used = read_catalogue(lang), extracted()
    out = []
    for key, where in sorted(used.items(), key=lambda kv: str(kv[0])):
        msgid = key if isinstance(key, str) else key[0]
        entry = catalog.get(msgid)
        if entry is None or entry.fuzzy or not _translated(entry.string):
            out.append(f"{where[0]}: untranslated {msgid!r}")
    wanted = {k if isinstance(k, str) else k[0] for k in used}
    out += [f"{po_path(lang)}: unused {m.id!r}" for m in catalog if m.id and
            (m.id if isinstance(m.id, str) else m.id[0]) not in wanted]
    return out


def _translated(string: object) -> bool:
    """True when a catalogue string (or every plural form of one) is written."""
    forms = [string] if isinstance(string, str) else list(string) if isinstance(string, (list, tuple)) else []
    return bool(forms) and all(forms)


def update(lang: str = "vi") -> Path:
    """Add every used message to the catalogue (untranslated when new) and drop unused ones."""
    old, used = read_catalogue(lang), extracted()
    fresh = Catalog(locale=lang, domain=DOMAIN, project="vbsp-extractor", fuzzy=False)
    for key, where in sorted(used.items(), key=lambda kv: str(kv[0])):
        msgid = key
        entry = old.get(key if isinstance(key, str) else key[0])
        string = entry.string if entry is not None else ("", "") if isinstance(key, tuple) else ""
        fresh.add(msgid, string, locations=[(w.rsplit(":", 1)[0], int(w.rsplit(":", 1)[1])) for w in where[:3]])
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, fresh, width=100, sort_output=True, omit_header=False)
    return path


def main() -> None:
    """Check or refresh the Vietnamese catalogue."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list problems; exit 1 when there are any")
    args = parser.parse_args()
    if args.check:
        found = problems()
        sys.stdout.write("\n".join(found) + ("\n" if found else ""))
        sys.exit(1 if found else 0)
    sys.stdout.write(f"{update()}\n")


if __name__ == "__main__":
    main()
