"""The rule registry: every file in ``rules/`` loaded, validated and compiled once.

``bundle.load_registry()`` reads them all when a command or the web app starts and reports every
bad entry of every file at once (``file:line``); the ``Registry`` is then passed to each stage.
``files`` reads rule files with their line numbers, ``phrases`` turns word lists into regexes.
"""
