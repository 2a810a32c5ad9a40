"""OCR of pages without a usable text layer: tesseract (Vietnamese) on the rendered page.

Used only when a ``tesseract`` binary with Vietnamese data is installed; its TSV output becomes
lines of words with boxes in PDF points, like a text layer's.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from extractor.parse.pdf.lines import Line, Word, clean_word, split_segments

OCR_DPI = 300
OCR_TIMEOUT = 180


@cache
def ocr_available(lang: str = "vie") -> bool:
    """True when a tesseract binary with ``lang`` data is installed."""
    binary = shutil.which("tesseract")
    if binary is None:
        return False
    try:
        listed = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return lang in (listed.stdout + listed.stderr).split()


def ocr_lines(page: Any, *, lang: str = "vie") -> list[Line]:
    """Render the page with pypdfium2, run tesseract (TSV) and return its lines in PDF points."""
    image = page.to_image(resolution=OCR_DPI).original
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        done = subprocess.run(
            ["tesseract", str(png), "stdout", "-l", lang, "--psm", "3", "tsv"],
            capture_output=True,
            text=True,
            timeout=OCR_TIMEOUT,
            check=True,
        )
    return tsv_lines(done.stdout, scale=72 / OCR_DPI)


def tsv_lines(tsv: str, *, scale: float) -> list[Line]:
    """Lines from tesseract TSV output (level-5 rows are words, keyed by block/paragraph/line)."""
    grouped: dict[tuple[str, str, str], list[Word]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not clean_word(cols[11]).strip():
            continue
        left, top, width, height = (float(v) * scale for v in cols[6:10])
        word = Word(
            clean_word(cols[11]).strip(),
            left,
            top,
            left + width,
            top + height,
            size=max(height, 1.0),
        )
        grouped.setdefault((cols[2], cols[3], cols[4]), []).append(word)
    lines = [
        Line(segments=split_segments(sorted(ws, key=lambda w: w.x0))) for ws in grouped.values()
    ]
    return sorted(lines, key=lambda line: (line.top, line.x0))
