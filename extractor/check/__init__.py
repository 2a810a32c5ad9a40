"""check: a pasted claim against the table, figure by figure (the fact-check).

``claims.check_text(conn, text)`` reads every figure of the text with the extraction pipeline
and compares it with the stored observations: supported, different or not found, with the
observations each verdict rests on. Its records (``records.py``, which imports no pipeline, so
the web's schemas can name them) are data; the web page, the JSON API and the CLI say them in
words (``web/factcheck.py``).
"""
