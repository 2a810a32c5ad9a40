"""The pipeline: documents driven through the stages, one path for every command.

``process`` takes one parsed document through NLP and linking (``extract``, tests, the gate);
``batch`` loads, processes and stores many (``ingest`` of files, crawled pages and URLs,
``reextract`` of stored raw bytes, the web's ingest), each with an outcome and the same rules
for sources and copies.
"""

from extractor.pipeline.process import extract_text, process

__all__ = ["extract_text", "process"]
