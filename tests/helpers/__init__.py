"""What the tests share that is not a test: builders, fixture data and the fixture web server.

Test modules import from here (``from helpers.store import make_extraction``; pytest puts
``tests/`` on the path) and never from one another; ``tests/conftest.py`` turns the servers into
fixtures. ``tests/test_test_layout.py`` fails when a test module imports another.
"""
