"""Issue 17: very long paragraphs and sentences. A paragraph over spaCy's ``max_length``
(1,000,000 characters) raised spaCy's E088 and lost the document; a run of text without a stop
made every figure carry (and the linker read, once per figure) the whole run as its sentence."""

from __future__ import annotations

import copy
import pickle
import re
import subprocess
import sys
from itertools import pairwise

import pytest

from extractor.link.context import Stops
from extractor.nlp.engine import PIECE_CHARS, pieces
from extractor.nlp.sentences import MAX_SENTENCE, split
from extractor.pipeline import extract_text

SENTENCE = "Outstanding loans of the Nghe An branch reached VND 13,374 billion by June 30, 2024. "
MONEY = re.compile(r"VND 13,374 billion")


def test_a_paragraph_longer_than_spacy_takes_is_read_in_pieces() -> None:
    limit = PIECE_CHARS
    paragraph = SENTENCE * (limit // len(SENTENCE) + 50)
    assert "\n" not in paragraph and len(paragraph) > limit
    extraction = extract_text(paragraph, lang="en", link=False)
    money = [f for f in extraction.figures if f.kind == "money"]
    assert [(f.start, f.end) for f in money] == [m.span() for m in MONEY.finditer(paragraph)]
    assert {f.sentence for f in money} == {SENTENCE.strip()}


def test_pieces_end_where_sentences_start_else_at_a_space_else_anywhere() -> None:
    text = "First one here. Second one is longer. " + "word " * 30 + "x" * 45
    found = pieces(text, 0, len(text), limit=40, abbreviations=frozenset())
    assert found[0][0] == 0 and found[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in pairwise(found))
    assert all(end - start <= 40 for start, end in found)
    assert found[0] == (0, text.index("Second"))  # a sentence start
    assert all(text[end] == " " for _, end in found[1:-2])  # in the run of words: spaces
    start, end = found[-2]
    assert end - start == 40 and set(text[start + 1 : end]) == {"x"}  # no space left: cut


def test_a_run_without_stops_is_cut_into_sentences_of_bounded_length() -> None:
    run = ("loans of VND 13,374 billion and " * 400).strip()
    assert not re.search(r"[.!?]", run) and len(run) > 3 * MAX_SENTENCE
    extraction = extract_text(f"Nghe An bank report\n\n{run}\n", lang="en", link=False)
    money = [f for f in extraction.figures if f.kind == "money"]
    assert len(money) == run.count("VND")
    assert all(len(f.sentence) <= MAX_SENTENCE and f.text in f.sentence for f in money)
    sentences = split(run, frozenset())
    assert all(run[start:end] == run[start:end].strip() for start, end in zip(sentences.starts, sentences.ends,
                                                                              strict=True))
    assert " ".join(run[start:end] for start, end in zip(sentences.starts, sentences.ends, strict=True)) == run


def test_records_of_one_kind_share_one_set_of_given_fields_and_stay_apart_when_copied() -> None:
    # A long document's records are many: a set of field names per record was half their memory.
    text = "\n\n".join(SENTENCE.strip().replace("13,374", f"{n},374") for n in range(10, 50))
    extraction = extract_text(text, lang="en")
    money = [f for f in extraction.figures if f.kind == "money"]
    assert len(money) == 40 and len({id(f.model_fields_set) for f in money}) == 1
    assert len({id(o.model_fields_set) for o in extraction.observations}) < len(extraction.observations)
    first, second = money[0], money[1]
    given = set(first.model_fields_set)
    copied = first.model_copy(update={"rule": "copied"})
    assert "rule" in copied.model_fields_set and copied.model_fields_set is not first.model_fields_set
    assert first.model_fields_set == given and second.model_fields_set == given
    assert second.model_dump(exclude_unset=True).keys() == given
    with pytest.raises(TypeError):  # a change would reach every record sharing the set
        first.model_fields_set.add("page")
    assert type(copy.deepcopy(first).model_fields_set) is set
    assert type(pickle.loads(pickle.dumps(first)).model_fields_set) is set


def test_a_list_of_counts_opening_a_cut_sentence_is_read_once() -> None:
    # A run too long for one sentence is cut at a space; when the cut follows a comma, the next
    # part opens with a list item whose comma lies before its sentence. Walking back along that
    # list of counts (is an oversight word before it?) found the item itself again, for ever.
    lead = "Tổng " + "x" * (MAX_SENTENCE - 10) + ", "
    items = "21.400 hộ nghèo, 18.200 hộ cận nghèo và 9.600 hộ mới thoát nghèo được vay vốn."
    assert lead.rfind(" ", 1, MAX_SENTENCE) == len(lead) - 1  # the cut falls after the comma
    script = ("import sys; from extractor.pipeline import extract_text; "
              "x = extract_text(sys.stdin.read(), lang='vi'); "
              "print(sorted(int(f.value) for f in x.figures if f.kind == 'count'))")
    done = subprocess.run([sys.executable, "-c", script], input=f"Tin Nghệ An\n\n{lead}{items}\n",
                          capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split("\n")[0] == "[9600, 18200, 21400]"


def test_the_linker_reads_a_run_without_stops_in_the_sentences_the_rules_cut() -> None:
    # The linker's own sentence ends (``Stops``: full stops and line breaks) took a run without a
    # stop as one sentence, and each question asked of a date's or figure's sentence ("does a goal
    # verb stand before any figure of it?") read the whole run: quadratic in its length.
    run = ("Đến hết năm 2024, dư nợ đạt 500 tỷ đồng, " * 300).strip(" ,")
    assert not re.search(r"[.!?]\s", run) and len(run) > 3 * MAX_SENTENCE
    stops = Stops(run, [])
    cut = split(run, frozenset())
    assert len(cut.starts) > 3
    for start, end in zip(cut.starts, cut.ends, strict=True):
        assert stops.around(start, start) == (start, end) == stops.around(end - 1, end - 1)
    assert stops.between(0, len(run)) == len(cut.starts) - 1
    assert all(stops.around(pos, pos)[1] - stops.around(pos, pos)[0] <= MAX_SENTENCE
               for pos in range(0, len(run), 97))
    unspaced = "x" * (2 * MAX_SENTENCE + 5)  # no space to cut at: cut anywhere
    assert Stops(unspaced, []).around(MAX_SENTENCE + 3, MAX_SENTENCE + 3) == (MAX_SENTENCE, 2 * MAX_SENTENCE)
