"""The rules ship inside the wheel: built, unpacked and used without the source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_rules_load_from_an_installed_wheel(tmp_path: Path) -> None:
    try:
        import hatchling  # noqa: F401 - only whether it is installed
    except ImportError:
        pytest.skip("hatchling is not installed (pip install -e '.[test]')")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(tmp_path / "dist")], check=True)
    wheel = next((tmp_path / "dist").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "extractor/rules/en/money.jsonl" in names and "extractor/rules/vi/lexicon.yaml" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import extractor.resources as r, extractor.pipeline as p;"
        "print(r.rules_dir());"
        "e = p.extract_text('Loans reached VND 13,374 billion.', lang='en', link=False);"
        "print(e.figures[0].value)"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, check=True, text=True,
                         capture_output=True, env={"PYTHONPATH": str(site), "PATH": ""}).stdout
    rules_dir, value = out.split()
    assert Path(rules_dir).is_relative_to(site) and value == "13374000000000"
