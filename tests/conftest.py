"""Fixtures every test module may use by name; the code behind them lives in ``helpers/``.

Test modules never import one another (``test_test_layout.py`` checks it): a builder or a
fixture two modules need goes to ``helpers/`` or here.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from extractor.fetch import Fetcher
from helpers.sites import Site, recording_fetcher, serve_site


@pytest.fixture
def site() -> Iterator[Site]:
    """The fixture web sites served on 127.0.0.1 for one test (``helpers/sites.py``)."""
    with serve_site() as served:
        yield served


@pytest.fixture
def site_fetcher(site: Site) -> Iterator[Fetcher]:
    """A polite fetcher for ``site`` whose waits are recorded in ``.sleeps``, not slept."""
    with recording_fetcher() as fetcher:
        yield fetcher
