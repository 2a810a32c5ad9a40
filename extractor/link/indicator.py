"""Which indicator a figure measures: the cue that governs it.

A count whose counted noun names an indicator ("21 transaction offices", ``unit:…``); else a cue
in or right after the figure ("234,414 households still having outstanding loans",
``cue-after:…``; one that only says the count borrows yields to the level a pair binder joins
it to, ``paired-with:…``: "dư nợ đạt … với 101 nghìn hộ vay vốn" counts those holding the
loans); else the nearest cue before it in its clause whose indicator takes the figure's kind and
unit (``cue:…``); for an item of a list opened by a colon, the cue before the colon
(``list-item:…``); then in the earlier clauses of its sentence part when no figure of the same
kind stands between; else a cue after the list of borrowers a count's clause opens, when the next
clauses go on with more borrowers ("… lượt hộ nghèo, hộ cận nghèo và … được vay vốn"); else, for
a clause that opens with a place ("Ninh Binh (old) for VND 3,960 billion") or a part ("…, loans
for job creation (VND 95 billion)"), the indicator of the level just listed; else, for a count or
an amount a pair binder joins to the level before it ("… tỷ đồng/137.834 khách hàng", "… lượt hộ
được vay vốn với 410 tỷ đồng"), the paired indicator; else, for a breakdown's item that opens its
clause with its figure, the indicator of the item before it, and for a later item of a breakdown,
the nearest cue since the breakdown word (``list-item:…``) or the total broken down
(``breakdown-of:…``: "; of which VND 388 billion went to Khmer households"), and for an item
opening with a programme's name right after another programme's level, that level's indicator
(``next-programme:…``: "… có dư nợ 1.600 tỷ đồng. Cho vay hộ cận nghèo đạt …"); then, for an
amount stated as a share of a whole ("VND 2,650 billion or 61 percent of the credit balance"), the
whole's indicator (``share-of:…``); last, for an amount per borrower whose clause opens with an
average word right after a count of a level's borrowers, that level's (``average-of:…``). No
cue, no observation; nor for a count its clause or list states per year ("… mỗi năm", "hằng
năm có …", ``per_year``), nor for an amount one borrower received ("her husband was loaned VND 45
million", ``one_loan``; "gia đình ông Hùng được cho vay 40 triệu đồng": a borrower named in its
sentence part). A cue with a stock reading gives that
stock when the sentence dates the figure at a point ("had access to loans as of June 30",
``at-a-date:…``).
"""

from __future__ import annotations

import re
from typing import Literal

from extractor.link.context import (
    Context,
    borrowers_end,
    clause_span,
    segment_span,
    sentence_span,
    spaces_start,
)
from extractor.link.indicators import CueHit
from extractor.link.lists import list_item
from extractor.link.parts import (
    GRADED_ITEM,
    bare_share,
    household_kind,
    paragraph_before,
    part_broken_down,
    respective_area,
    respective_programme,
    share_of,
)
from extractor.link.place import respective_place
from extractor.link.rules import LIST_GLUE, PART_KINDS, part_list, scope_list
from extractor.link.when import (
    dated_at_a_point,
    glued_date_end,
    list_joined,
    paired_after,
    respective_date,
    respective_index,
    respective_run,
)
from extractor.models import DateMention, Figure
from extractor.registry.phrases import Hit


def _accepting(ctx: Context, cue: CueHit, fig: Figure) -> str | None:
    """The indicator a cue gives this figure, if its kind and unit fit (and the sentence speaks
    of the indicator the cue requires, when it requires one)."""
    lexicon = ctx.linker.lexicon
    for code in lexicon.candidates(cue, lang=ctx.lang):
        if not lexicon.cue_accepts(cue, code, lang=ctx.lang, kind=fig.kind, unit=fig.unit):
            continue
        key = (ctx.lang, cue.position, cue.phrase.lower(), code)
        scope = lexicon.credit_caused.get(key)
        if scope is not None and not _credit_named(ctx, fig, scope):
            continue
        if key in lexicon.beyond_one_loan and fig.kind == "money" and fig.value <= ctx.linker.one_loan_max:
            continue  # "VND 50 million in soft loans": one family's loan, no level of ours
        if key in lexicon.right_after and ctx.text[fig.end : max(fig.end, cue.start)].strip():
            continue  # "N households still in need of borrowing": the cue qualifies no noun of the figure
        verbs = lexicon.verb_before.get(key)
        if verbs is not None and not _verb_before(ctx, cue, fig, verbs, code):
            continue
        needed = lexicon.requires.get(key)
        if needed is None or _spoken_of(ctx, fig, needed, cue.start):
            return code
    return None


def _verb_before(ctx: Context, cue: CueHit, fig: Figure, verbs: str, code: str) -> bool:
    """Whether a verb of marker list ``verbs`` stands right before what the cue reads (the figure
    when the cue follows it, else the last figure before the cue in the clause), in its clause,
    not negated, and no cue of another indicator stands before it in the clause ("outstanding
    loans reached VND X in soft loans": the stock cue says what the amount is)."""
    c0, _ = clause_span(ctx, fig)
    anchor = fig
    if cue.start < fig.end:
        before = [f for f in ctx.figures.within(c0, cue.start) if f.end <= cue.start]
        while len(before) > 1 and ctx.text[max(0, before[-1].start - 3) : before[-1].start].rstrip().endswith("("):
            before.pop()  # "VND 9 trillion (US$350 million) in soft loans for …": the amount, not its aside
        if not before:
            return False
        anchor = before[-1]
    verb = ctx.last_mark(verbs, max(c0, anchor.start - ctx.reach("verb_before")), anchor.start)
    if verb is None or any(c in ctx.text[verb[1] : anchor.start] for c in ",;:."):
        return False
    if ctx.marks("negated", max(c0, verb[0] - ctx.reach("verb_before")), verb[0]):
        return False  # "has not yet disbursed VND X in soft loans"
    lexicon = ctx.linker.lexicon
    return not any(
        c.position == "before" and any(
            other != code and lexicon.cue_accepts(c, other, lang=ctx.lang, kind=anchor.kind, unit=anchor.unit)
            for other in lexicon.candidates(c, lang=ctx.lang))
        for c in ctx.cues.within(c0, verb[0]))


def _credit_named(ctx: Context, fig: Figure, scope: str) -> bool:
    """Whether the bank's credit made the outcome the figure counts: a ``credit_cause`` word
    shortly before the figure in its sentence ("the loans helped …"; in its sentence part for
    ``scope`` ``part``), or after it in its clause behind a ``credit_frame`` word ("… have jobs
    thanks to the loans"; not "… have jobs and repay their loans"), with no ``credit_blocker``
    between that word and the figure nor right before the word: another agent ("the job centre
    helped …"), a negation ("failed to help"), a time before the loans ("Before the loans, …"),
    loans only repaid or beside the point ("After repaying their loans", "Besides loans for …"),
    or another subject ("…, while …"); in ``part`` scope none either after the figure up to
    the next one (an event the count attended)."""
    g0 = (segment_span(ctx, fig) if scope == "part" else sentence_span(ctx, fig))[0]
    _, c1 = clause_span(ctx, fig)
    credit = ctx.last_mark("credit_cause", max(g0, fig.start - ctx.reach("credit_cause")), fig.start)
    if credit is not None:
        start, end = max(g0, credit[0] - ctx.reach("credit_blocker")), fig.start
        if scope == "part" and ctx.first_mark("credit_blocker", fig.end, _next_figure(ctx, fig, c1)):
            return False
    else:
        frame = ctx.first_mark("credit_frame", fig.end, c1)
        credit = frame and ctx.first_mark("credit_cause", frame[1], min(c1, frame[1] + ctx.reach("credit_frame")))
        if not credit:
            return False
        start, end = fig.end, credit[1]
    return ctx.first_mark("credit_blocker", start, end) is None


def _next_figure(ctx: Context, fig: Figure, clause_end: int) -> int:
    """Where the figure's own words end in its clause: at the next figure, or the clause's end
    ("... lent to 600 turns of students, and 900 turns of students joined a contest": the
    contest is the later count's)."""
    return min((f.start for f in ctx.figures.within(fig.end, clause_end)), default=clause_end)


def _decided(ctx: Context, cue: CueHit, fig: Figure, family: str) -> tuple[str, str] | None:
    """The indicator a cue gives this figure and the rule that decided (``family:phrase``); the
    cue's stock reading (``at-a-date:phrase``) when its sentence dates the figure at a point."""
    code = _accepting(ctx, cue, fig)
    if code is None:
        return None
    lexicon = ctx.linker.lexicon
    stock = lexicon.at_a_date.get((ctx.lang, cue.position, cue.phrase.lower(), code))
    if stock and lexicon.accepts(stock, kind=fig.kind, unit=fig.unit) and dated_at_a_point(ctx, fig):
        return stock, f"at-a-date:{cue.phrase}"
    return code, f"{family}:{cue.phrase}"


def _spoken_of(ctx: Context, fig: Figure, code: str, before: int) -> bool:
    """Whether a cue of indicator ``code`` stands in the figure's sentence before ``before``."""
    s0, _ = sentence_span(ctx, fig)
    return any(code in ctx.linker.lexicon.candidates(c, lang=ctx.lang) for c in ctx.cues.within(s0, before))


def _figures_between(ctx: Context, start: int, end: int) -> bool:
    """Whether another figure starts inside ``[start, end)``."""
    return bool(ctx.figures.within(start, end))


def _past_aside(ctx: Context, end: int) -> int:
    """Where an amount ending at ``end`` is done being stated: past the parentheses right after it
    when they hold only its value in another currency ("VND 6 trillion (US$255 million) in soft
    loans for 90,000 households"), else ``end``. A share, a count or a sum in the same currency
    there ("(70%)", "(12,000 turns)") says something else: what follows is no longer the amount's."""
    opened = ctx.text.find("(", end, end + 3)
    if opened < 0 or ctx.text[end:opened].strip():
        return end
    amount = ctx.figure_ends.within(end, end + 1)
    closed = ctx.text.find(")", opened, opened + ctx.reach("aside"))
    inside = ctx.figures.within(opened, closed) if closed > 0 else []
    if len(inside) != 1 or ctx.text[opened + 1 : inside[0].start].strip() or ctx.text[inside[0].end : closed].strip():
        return end
    if not amount or amount[0].kind != "money" or inside[0].kind != "money" or inside[0].unit == amount[0].unit:
        return end
    return closed + 1


def _kin_between(ctx: Context, fig: Figure, start: int) -> bool:
    """Whether a figure of the same kind lies between ``start`` and ``fig`` (not the level a
    from-to pair starts from: ``_starts_from``)."""
    return any(f.kind == fig.kind and f.start not in ctx.changes and not _starts_from(ctx, f, fig, start)
               for f in ctx.figures.within(start, fig.start))


def _starts_from(ctx: Context, old: Figure, fig: Figure, cue_end: int) -> bool:
    """Whether ``old`` is the level a from-to pair starts from and ``fig`` the one it comes to
    ("giảm dần, từ 1,4% lúc mới thành lập xuống còn 0,07%"): a ``level_from`` word right before
    ``old``, a ``change_to`` word between the two, and the cue's own verb of change
    (``from_to_verbs``) leading to the pair in a few words, with no other cue and no clause break
    but a comma right before the ``from``: another subject ("…, and the poverty rate dropped from")
    or a range ("can borrow from … to …") has its own pair. The cue before the pair governs both."""
    mark = ctx.last_mark("level_from", max(cue_end, old.start - ctx.reach("kin")), old.start)
    if mark is None or ctx.text[mark[1] : old.start].strip():
        return False
    lead = ctx.text[cue_end : mark[0]].rstrip().removesuffix(",")
    return (len(lead.split()) <= ctx.linker.from_to_lead_words and not _CLAUSE_BREAK.search(lead)
            and ctx.first_mark("from_to_verbs", cue_end, mark[0]) is not None
            and not ctx.cues.within(cue_end, mark[0])
            and ctx.first_mark("change_to", old.end, fig.start) is not None)


def _cue_after(ctx: Context, fig: Figure, clause_end: int, listed: int | None = None) -> tuple[str, str] | None:
    """A cue inside or closely after the figure in its clause: "234,414 households still having…".
    A cue inside the count's own noun that names a kind of borrowers ("75 hộ mới thoát nghèo được
    vay vốn") yields to a cue after it, and decides when none does ("1.250 hộ mới thoát nghèo nhờ
    vốn vay": they escaped poverty). ``listed``: where the counts of the list of borrowers the
    figure opens end; the cue after them governs each ("412 lượt hộ nghèo, 268 hộ cận nghèo được
    vay vốn"), the figures between being the list's own."""
    own: list[CueHit] = []
    blockers = ctx.marks("blockers", fig.start + 1, clause_end)
    for cue in ctx.cues.within(fig.start + 1, clause_end):
        # The counted noun may carry the cue: "14,620 clean water and sanitation works".
        if cue.position != "after":
            continue
        inside = [b for b in blockers if b[0] <= cue.start < b[1]]
        if inside and _blocker_rules(ctx, cue.start, max(inside[0][1], cue.end), clause_end):
            continue  # "… người có nhu cầu vay vốn": the cue opens inside what no indicator measures
        if _names_borrowers(ctx, fig, cue):
            own += [cue] if cue.start < fig.end else []
            continue
        past = _past_aside(ctx, fig.end) if listed is None or cue.start < listed else listed
        if (cue.start - fig.end > 100 or _figures_between(ctx, past, cue.start)
                or _opens_next_item(ctx, fig, cue)):
            break
        if ctx.marks("negated", fig.end, cue.start):
            continue  # "… hộ chưa được giải ngân": the cue says what did not happen
        found = _decided(ctx, cue, fig, "cue-after")
        if found:
            return found
    return next((found for cue in own if (found := _decided(ctx, cue, fig, "cue-after"))), None)


def _opens_next_item(ctx: Context, fig: Figure, cue: CueHit) -> bool:
    """Whether a cue after the figure opens the next item of a list, right after a joining word
    right after the figure (or inside words another cue opens there), and before a figure of its
    kind: "nguồn vốn trung ương 3.910 tỷ đồng và vốn ủy thác từ ngân sách tỉnh 402 tỷ đồng" (the
    entrusted capital is the second amount's)."""
    joins = ctx.marks(SPLIT_JOINS, fig.end, cue.start)
    if not joins or ctx.text[fig.end : joins[0][0]].strip(" ,"):
        return False
    # The cue, or a cue of its own that the words after the join open with ("… VND 3,910 billion
    # and capital entrusted by the provincial … budgets VND 402 billion").
    if ctx.text[joins[0][1] : cue.start].strip() and not any(
            c.position == "before" and not ctx.text[joins[0][1] : c.start].strip()
            for c in ctx.cues.within(joins[0][1], cue.start)):
        return False  # "742,060 poor households and other beneficiaries borrowed": the cue is theirs
    following = ctx.figures.first_within(cue.end, sentence_span(ctx, fig)[1])  # past a comma of the item's words
    return following is not None and following.kind == fig.kind


def _blocker_rules(ctx: Context, cue_start: int, start: int, clause_end: int) -> bool:
    """Whether the words of a blocker a cue (at ``cue_start``) opens in, ending at ``start``, end the figure's
    clause: nothing follows but its end, a pair binder and what is paired ("… có nhu cầu vay vốn
    với tổng số tiền …"), or a negation ("… nhưng chưa được đáp ứng"). A verb after them says
    the need was met ("… có nhu cầu vay vốn đã được vay"): the cue still decides."""
    if not ctx.text[start:clause_end].strip(" .,;:"):
        return True
    binder = ctx.first_mark("pair_binders", cue_start, clause_end)
    if binder is not None and not ctx.text[start : max(start, binder[0])].strip():
        return True
    return bool(ctx.marks("negated", start, clause_end))


def _names_borrowers(ctx: Context, fig: Figure, cue: CueHit) -> bool:
    """Whether a cue past the figure's number lies inside the name of a kind of borrowers of
    ``borrower_list`` ("64 hộ nhận vốn từ hai chương trình dành cho hộ cận nghèo và hộ mới thoát
    nghèo", or the count's own noun: "75 hộ mới thoát nghèo được vay vốn", "75 newly escaped
    poverty households borrowed …", whose name goes on past the cue): it names whom a programme
    lends to, not what the figure counts."""
    # The name may go on past the cue ("escaped poverty households") only as a count's own noun,
    # or as a later item of the list of borrowers the count counts ("4,100 near-poor households,
    # policy households, and newly escaped from poverty households borrowed …": ``borrowers_end``):
    # one starting after a count's words in its clause names no one counted.
    reach = ctx.reach("borrower_name")
    return cue.start > fig.start and any(
        start <= cue.start and cue.end <= end and (end <= cue.end or _in_count_noun(ctx, fig, start)
                                                   or _later_listed(ctx, fig, start))
        for start, end, _ in ctx.marks("borrower_list", max(0, cue.start - reach), cue.end + reach))


def _later_listed(ctx: Context, fig: Figure, start: int) -> bool:
    """Whether ``start`` lies in a clause after the count's own that goes on with its list of
    borrowers (``context.borrowers_end``)."""
    return clause_span(ctx, fig)[1] <= start < borrowers_end(ctx, fig)


def _in_count_noun(ctx: Context, fig: Figure, start: int) -> bool:
    """Whether ``start`` lies inside a count's own words, the figure's or a later one's of its list
    ("…, 640 newly escaped poverty households borrowed …")."""
    return any(other.kind == "count" and other.start <= start < other.end
               for other in ctx.figures.within(fig.start, start + 1))


PART_CUES = tuple(part_list(kind) for kind in PART_KINDS)  # the lists naming a part, named once
PROGRAMME_NAMES = part_list("programme")
GROUP_NAMES = part_list("group")
LENT_TO = part_list("lent_to")
AVERAGE_WORDS = part_list("average")
SPLIT_JOINS = part_list("split_joins")  # the words joining two items of one list ("và", "and")
_OPENING_PUNCTUATION = " ,;:-\n"  # what may stand before an item's first word
_CLAUSE_BREAK = re.compile(r"[,;:]")


def _kin_just_before(ctx: Context, fig: Figure, cue: CueHit) -> bool:
    """Whether a figure of the same kind stands just before the cue ("95 people to work
    abroad"): the cue is that figure's, not one for a later clause to borrow. A word joining a
    clause of its own between them ("96% while overdue debts …", ``contrast_joins``) opens the
    cue's clause."""
    s0, _ = sentence_span(ctx, fig)
    return any(f.kind == fig.kind and f is not fig and f.start not in ctx.changes
               and not _CLAUSE_BREAK.search(ctx.text, f.end, cue.start)
               and not ctx.marks("contrast_joins", f.end, cue.start)
               for f in ctx.figure_ends.within(max(s0, cue.start - ctx.reach("kin")), cue.start + 1))


def _cue_before(
    ctx: Context, fig: Figure, start: int, *, free: bool = False, end: int | None = None
) -> tuple[str, str] | Literal[False] | None:
    """The nearest fitting cue in ``[start, end)`` (``end``: the figure's start unless given);
    ``False`` when a blocker comes first.

    ``free``: only cues no figure of the same kind follows ("created jobs for 400,000 workers,
    helped 5,600 workers go abroad": the second count does not borrow the first one's cue).
    """
    end = fig.start if end is None else end
    found_blockers = ctx.marks("blockers", start, end)
    for cue in reversed(ctx.cues.within(start, end)):
        if cue.position != "before" or cue.end > end:
            continue
        # A blocker inside a longer cue is a word of the cue ("mức cho vay bình quân": the
        # average loan, not the loan ceiling "mức cho vay").
        blockers = [b for b in found_blockers if not _inside_cue(b, cue)]
        # Asked from the nearest cue back, and only until one decides: most never need asking.
        if free and (_kin_between(ctx, fig, cue.end) or _kin_just_before(ctx, fig, cue)):
            continue
        # A blocker that swallows the cue ("overdue and frozen debts") wins: the cue is a word of
        # the blocker's, however many figures follow it ("nợ quá hạn và nợ khoanh 5,8 tỷ đồng, giảm
        # 70 triệu đồng, chiếm 0,15%" is neither rate). One after the cue wins, unless another
        # figure stands between it and the figure: the blocker measures that one ("mức vay trên 50
        # triệu đồng cho 310 hộ": the size of each loan, not the households).
        if blockers and any(b[0] <= cue.start and cue.end <= b[1] for b in blockers):
            return False
        if blockers and any(b[1] > cue.start and not _figures_between(ctx, b[1], fig.start) for b in blockers):
            return False
        if _funded_from(ctx, cue, start) or _listed_name_word(ctx, cue, start, end):
            continue
        found = _decided(ctx, cue, fig, "cue")
        if found:
            return found
    return False if found_blockers else None


def _listed_name_word(ctx: Context, cue: CueHit, start: int, end: int) -> bool:
    """Whether the cue is a word of a programme's name listed right after another's, with a cue
    before the list ("Dư nợ cho vay hộ nghèo và cho vay hộ cận nghèo lần lượt đạt …": the second
    "cho vay" names a programme; "Dư nợ" says what the figures measure)."""
    # Only the names and cues near it: a clause with no punctuation may be a whole page long.
    reach = ctx.reach("respective_list")
    names = ctx.marks(PROGRAMME_NAMES, max(start, cue.start - reach), min(end, cue.end + reach))
    inside = [n for n in names if n[0] <= cue.start and cue.end <= n[1]]
    if not inside:
        return False  # most cues: no programme's name around them
    earlier = [n for n in names if n[1] <= inside[-1][0]]
    if not earlier or not list_joined(ctx, earlier[-1][1], inside[-1][0]):
        return False
    first = earlier[-1][0]
    return any(c.position == "before" for c in ctx.cues.within(max(start, first - reach), first))


def _inside_cue(blocker: Hit, cue: CueHit) -> bool:
    """Whether a blocker lies inside a longer cue, as one of its words."""
    return cue.start <= blocker[0] and blocker[1] <= cue.end and blocker[1] - blocker[0] < cue.end - cue.start


def _funded_from(ctx: Context, cue: CueHit, start: int) -> bool:
    """Whether a capital cue names only where the money came from ("dư nợ cho vay từ nguồn vốn
    nhận ủy thác …", ``funded_from`` of rules/linking.yaml): a word of the list stands right
    before it and another cue before that, in the range, names what the figure is."""
    if not _ends_funded(ctx, start, cue.start):
        return False
    cands = set(ctx.linker.lexicon.candidates(cue, lang=ctx.lang))
    if not cands or not cands <= ctx.linker.funded_capital:
        return False
    return any(c.end <= cue.start and c.position == "before" for c in ctx.cues.within(start, cue.start))


def _ends_funded(ctx: Context, start: int, end: int) -> bool:
    """Whether ``[start, end)`` ends in a ``funded_from`` word and spaces (its regex's search over
    the span), sought only where such a word may start: back over the spaces ending the span, then
    over the longest word and the space before it (``Linker.funded_reach``). The search over the
    whole span read a clause (a long line's, in a table written as lines) for each cue of each
    figure."""
    gap = ctx.linker.funded_from.get(ctx.lang)
    if gap is None:
        return False
    words_end = max(start, spaces_start(ctx.text, end))
    return gap.search(ctx.text, max(start, words_end - ctx.linker.funded_reach[ctx.lang]), end) is not None


def indicator_of(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """The indicator that governs the figure and the rule that decided, or None."""
    c0, c1 = clause_span(ctx, fig)
    if fig.kind == "count" and (ctx.marks("per_year", fig.end, borrowers_end(ctx, fig))
                                or _opens_per_year(ctx, c0, fig.start)):
        return None  # "… lượt hộ được vay vốn mỗi năm", "hằng năm có … hộ": a yearly rate
    if fig.kind == "money" and _one_loan(ctx, fig):
        return None  # "her husband was loaned VND 45 million": the size of one loan, no level of ours
    if _lent_to_one(ctx, fig):
        return None  # "giải ngân 80 triệu đồng cho 1 hộ": one loan and its one borrower
    if fig.kind == "count" and fig.unit in ctx.linker.lexicon.by_unit:
        code = ctx.linker.lexicon.by_unit[fig.unit]
        if _qualified_by_blocker(ctx, fig):
            # Groups a blocker qualifies ("… groups whose overdue debt tops 3%"): some, no level; but
            # a graded item of the total before it is its share (``_graded_item``).
            return _graded_item(ctx, fig, code)
        return code, f"unit:{fig.unit}"
    respective = _respective_cue(ctx, fig)
    if respective is not None:
        return respective
    found = (_pair_names_borrowers(ctx, fig, _cue_after(ctx, fig, c1)) or _programme_item(ctx, fig, c0)
             or _cue_before(ctx, fig, c0))
    if found:
        listed = _kind_listed(ctx, fig)
        found = listed if listed is not None and listed[0] != found[0] else found
    if found is not False:
        found = _share_of_total(ctx, fig, found) or found
    if found is None:
        found = _list_item(ctx, fig)
    if found is None and not ctx.marks("breakdown", c0, fig.start) and not _share_of_count(ctx, fig, c0, c1):
        s0, _ = segment_span(ctx, fig)
        earlier = _cue_before(ctx, fig, s0, free=True)
        found = (earlier[0], earlier[1] + " (earlier clause)") if earlier else None
        if found is not None and fig.kind == "count":
            # Joined by a pair binder to the level right before it, a count names that level's
            # borrowers, whatever an earlier clause's cue (a programme's name) says.
            paired = _paired_count(ctx, fig)
            found = paired if paired is not None and paired[0] != found[0] else found
    return (found or _compared_level(ctx, fig) or _cue_after_list(ctx, fig, c1) or _listed_by_place(ctx, fig, c0)
            or _listed_by_part(ctx, fig, c0) or _respective_item(ctx, fig) or _paired_count(ctx, fig)
            or _paired_amount(ctx, fig)
            or _paired_later_amount(ctx, fig)
            or _next_item(ctx, fig, c0) or _breakdown_item(ctx, fig) or _share_of_whole(ctx, fig)
            or _average_of_count(ctx, fig, c0) or None)


SHARE_WORDS = part_list("share")  # "accounting for", "chiếm": a figure stated as a share of a whole


def _share_of_count(ctx: Context, fig: Figure, c0: int, c1: int) -> bool:
    """Whether a percent opening its clause as a share of a whole it does not name ("…, accounting
    for 57% of the total") follows a count in its sentence part, the last figure before it ("88
    communes were free of overdue debt, accounting for 57% of the total"): the count's share of its
    own whole, no rate an earlier clause's cue names. A count a pair binder joins to an amount
    before it ("overdue debt of VND 3 billion with 120 customers, accounting for 0.1%") is the
    amount's borrowers: the share is the amount's."""
    if fig.kind != "percent":
        return False
    share = ctx.first_mark(SHARE_WORDS, c0, fig.start)
    if share is None or ctx.text[c0 : share[0]].strip() or ctx.cues.within(fig.end, c1):
        return False
    s0, _ = segment_span(ctx, fig)
    before = ctx.figures.within(s0, c0)
    if not before or before[-1].kind != "count":
        return False
    amounts = [f for f in before[:-1] if f.kind == "money"]
    return not (amounts and (ctx.marks("pair_binders", amounts[-1].end, before[-1].start)
                             or _borrowers_after(ctx, before[-2], before[-1])))


def _borrowers_after(ctx: Context, amount: Figure, count: Figure) -> bool:
    """Whether a count of borrowers (a unit of a ``count_pair`` indicator) follows an amount right
    after it across one of ``borrower_joiners`` (rules/linking.yaml: a slash or a comma, "nợ quá hạn
    5 tỷ đồng/210 khách hàng", "overdue debt was VND 5 billion, involving 210 customers"): the
    amount's borrowers, not a whole of their own."""
    lexicon = ctx.linker.lexicon
    return (amount.kind == "money" and ctx.text[amount.end : count.start].lstrip()[:1] in ctx.linker.borrower_joiners
            and any(lexicon.accepts(code, kind="count", unit=count.unit) for code in lexicon.borrower_codes))


def _share_of_total(ctx: Context, fig: Figure, found: tuple[str, str] | None) -> tuple[str, str] | None:
    """An amount stated as a share that names no whole (``parts.bare_share``: "…, accounting for
    19%"): a part of the total before it, so it measures that total's indicator, whatever a
    looser loan cue of its own clause reads ("The loans of the housing programme were …"), when
    both are loan indicators (``bare_share_indicators``); a cue of another indicator (capital,
    a rate's numerator: "overdue debt was VND 3 billion, accounting for 0.1%") keeps its own."""
    bare = bare_share(ctx, fig)
    loans = ctx.linker.bare_share_indicators
    if found is not None and found[0] not in loans:
        return None
    if bare is None:
        # The same for a share of a whole its words name ("Cho vay học sinh, sinh viên 530 tỷ
        # đồng, chiếm 5,9% tổng dư nợ") when the clause's only cues name a programme ("cho vay" in
        # its name): a part of that whole. "Doanh số cho vay … chiếm 27% tổng dư nợ" keeps its cue.
        named = share_of(ctx, fig) if found is not None else None  # asked once per figure
        if found is None or named is None:
            return None
        whole = _decided(ctx, named[1], fig, "share-of")
        if whole is None or whole[0] not in loans or whole[0] == found[0]:
            return None
        c0, _ = clause_span(ctx, fig)
        return whole if _names_programmes(ctx, _name_start(ctx, fig, c0), fig.start) else None
    return (bare[1], f"share-of-total:{bare[1]}") if bare[1] in loans else None


def _average_of_count(ctx: Context, fig: Figure, c0: int) -> tuple[str, str] | None:
    """An amount per borrower in a clause that opens with an average word, right after a count of
    the borrowers of a money level ("… 21.500 hộ còn dư nợ, bình quân 41 triệu đồng/hộ", "…
    96,300 borrowers, averaging VND 42 million per household"): the average of that level (an
    average part, ``rules/parts.yaml``), when that level's cues of an average take the figure's
    per-borrower unit (``units`` of "average outstanding loan" in rules/indicators.yaml)."""
    if fig.kind != "money" or "/" not in fig.unit:
        return None  # no amount per unit
    opener = ctx.first_mark(AVERAGE_WORDS, c0, fig.start)
    if opener is None or ctx.text[c0 : opener[0]].strip(_OPENING_PUNCTUATION):
        return None
    if not _bare_average(ctx, opener[1], fig.start):
        return None  # an average of something else ("bình quân thu nhập", "averaging an income of")
    last, s0 = ctx.state.last_level.get("count"), sentence_span(ctx, fig)[0]
    before = ctx.figures.within(s0, fig.start)
    if last is None or not before or before[-1].end != last[1]:
        return None  # the figure before it is no count of borrowers linked as a level
    lexicon = ctx.linker.lexicon
    codes = [code for code, rule in lexicon.indicators.items() if rule.count_pair == last[0]]
    if not codes or fig.unit not in lexicon.added_units(codes[0], lang=ctx.lang):
        return None
    return codes[0], f"average-of:{codes[0]}"


def _bare_average(ctx: Context, start: int, end: int) -> bool:
    """Whether only words joining a name to its figure (``list_glue``: "đạt", "là", "of") stand
    between an average word and its figure: a noun there says what else the average is of (an
    income, a loan ceiling)."""
    rest, at = [], start
    for glue in ctx.marks(LIST_GLUE, start, end) if LIST_GLUE in ctx.hits else []:
        rest.append(ctx.text[at : glue[0]])
        at = glue[1]
    rest.append(ctx.text[at:end])
    return not "".join(rest).strip(_OPENING_PUNCTUATION)


def _opens_per_year(ctx: Context, c0: int, start: int) -> bool:
    """Whether the clause from ``c0`` opens with a yearly word (``per_year``: "Hằng năm có 1.400
    hộ …"), not one inside it ("nhờ vốn bổ sung hằng năm, đến nay 48.200 hộ …")."""
    return any(not ctx.text[c0 : hit[0]].strip() for hit in ctx.marks("per_year", c0, start))


def _qualified_by_blocker(ctx: Context, fig: Figure) -> bool:
    """Whether words of what no indicator measures (``blockers``) qualify the count right after
    its noun, or end its noun ("126 Tổ TK&VV có nợ quá hạn trên 2%", "318 savings and loan groups
    with overdue debt …"): the count picks out some of them, no level of them all."""
    return any(hit[0] < fig.end or not ctx.text[fig.end : hit[0]].strip()
               for hit in ctx.marks("blockers", fig.start + 1, fig.end + ctx.reach("blocker"))
               if hit[0] <= fig.end + 2)



def _graded_item(ctx: Context, fig: Figure, code: str) -> tuple[str, str] | None:
    """ "The district runs 940 groups. Among them, 910 groups are classified as strong": a count
    a grade picks out (``graded``, right after it) after a breakdown word, the total of its
    indicator stated before that word in its sentence or in the sentence before: an item of that
    total (``parts`` files it as a share; ``observe`` drops it when its date, status or province
    is not the total's), not a level of them all. None otherwise."""
    if not any(hit[0] <= fig.end + 2 for hit in ctx.marks("graded", fig.end, fig.end + ctx.reach("blocker"))):
        return None
    s0, _ = sentence_span(ctx, fig)
    marks = ctx.marks("breakdown", s0, fig.start)
    total = ctx.state.total_ends.get(code)
    if not marks or total is None or total[0] > marks[0][0]:
        return None
    before, _ = ctx.stops.around(max(0, s0 - 2), max(0, s0 - 1))
    return (code, f"{GRADED_ITEM}{code}") if total[0] >= before else None


def _one_loan(ctx: Context, fig: Figure) -> bool:
    """Whether the amount is what one borrower received: it stands right after words saying so
    ("a fisherman was lent VND 60 million", ``one_loan``: a singular passive whose subject is the
    borrower) or right before words making it each one's ("loans of VND 40 million each",
    ``one_loan_after``, but not "each quarter": ``per_period``); and it is an amount one loan can
    be (``one_loan_max``: "the job creation programme was lent VND 900 billion" is what the
    programme lent)."""
    if fig.unit != "VND" or fig.value > ctx.linker.one_loan_max:
        return False
    start = max(0, fig.start - ctx.reach("one_loan"))
    # The words may end inside the figure, on the qualifier before its number ("đã được vay tối
    # đa 100 triệu đồng": a ceiling, one loan's size).
    if any(not ctx.text[end : fig.start].strip() if end <= fig.start
           else not any(ch.isdigit() for ch in ctx.text[fig.start : end])
           for _, end, _ in ctx.marks("one_loan", start, fig.end)):
        return True
    if _about_one_borrower(ctx, fig):
        return True
    after = ctx.first_mark("one_loan_after", fig.end, fig.end + ctx.reach("one_loan"))
    if after is None or ctx.text[fig.end : after[0]].strip():
        return False
    # "each quarter": how often, not whose; a period further on ("each, repaid each month") is another's.
    return not any(hit[0] == after[0] for hit in ctx.marks("per_period", after[0], after[0] + ctx.reach("one_loan")))


def _lent_to_one(ctx: Context, fig: Figure) -> bool:
    """Whether the figure is an amount a pair binder joins to a count of one borrower right after
    it, or that count ("disbursed VND 60 million to 1 household", "giải ngân 80 triệu đồng cho 1
    người"): the size of one loan and its borrower, no level of ours."""
    if fig.kind == "count":
        before = ctx.figure_ends.within(max(0, fig.start - ctx.reach("one_loan")), fig.start + 1)
        return fig.value == 1 and bool(before) and _lent_to_one(ctx, before[-1])
    if fig.unit != "VND" or fig.value > ctx.linker.one_loan_max:
        return False
    later = ctx.figures.within(fig.end, fig.end + ctx.reach("one_loan"))
    if not later or later[0].kind != "count" or later[0].value != 1:
        return False
    binder = ctx.first_mark("pair_binders", fig.end, later[0].start)
    return (binder is not None and not ctx.text[fig.end : binder[0]].strip()
            and not ctx.text[binder[1] : later[0].start].strip())


def _about_one_borrower(ctx: Context, fig: Figure) -> bool:
    """Whether the amount's sentence part tells of one borrower named inside it: a title written
    in lower case and a capitalised name ("năm ngoái gia đình ông Hùng được cho vay 40 triệu
    đồng", "…, chị Mai mở quán": a sentence opening with the title is an ``anecdote`` already),
    with no count beside the amount and nobody's statement reported in the sentence (an official
    named and quoted speaks for the branch). A part after a semicolon is another's ("doanh số cho
    vay đạt …; bà Lan vay …")."""
    p0, p1 = segment_span(ctx, fig)
    named = any(ctx.text[a].islower() and _named_borrower(ctx.text, b, p1)
                for a, b, _ in ctx.marks("anecdote", p0, p1))
    s0, s1 = sentence_span(ctx, fig)
    return named and not ctx.marks("reporting", s0, s1) and not any(
        f.kind == "count" for f in ctx.figures.within(p0, p1))


def _named_borrower(text: str, end: int, stop: int) -> bool:
    """Whether a capitalised name follows a title ending at ``end`` and the sentence goes on
    after it ("ông Hùng được cho vay …"), not set off by a comma: "ông Nguyễn Văn An, Phó Giám
    đốc, …" names an official by his office, who reports rather than borrows."""
    pos = end
    while pos < stop and text[pos : pos + 1] == " " and text[pos + 1 : pos + 2].isupper():
        pos += 1
        while pos < stop and not text[pos].isspace() and text[pos] not in ",;:.":
            pos += 1
    return pos > end and text[pos : pos + 1] == " "


def _pair_names_borrowers(ctx: Context, fig: Figure, found: tuple[str, str] | None) -> tuple[str, str] | None:
    """A count of borrowers whose cue only says they borrow ("… hộ vay vốn"), joined by a pair
    binder to the money level before it: the level says which borrowers ("dư nợ đạt 3.140 tỷ đồng
    với 101 nghìn hộ vay vốn" counts the households holding those loans, not those lent to)."""
    lexicon = ctx.linker.lexicon
    if found is None or found[0] not in lexicon.borrower_codes:
        return found
    paired = _paired_count(ctx, fig) or _juxtaposed_count(ctx, fig)
    if paired is None:
        # Read ahead, over a span of years: those who got loans then, whatever debt they hold now.
        paired = _paired_later_amount(ctx, fig)
        if paired is not None and lexicon.indicators[paired[0]].measure == "stock" and _over_years(ctx, fig):
            return found
    return paired if paired is not None and paired[0] != found[0] else found


def _juxtaposed_count(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """A count of borrowers that opens the clause right after a stock's money level, a comma
    alone between (perhaps past the level's change): "outstanding loans reached VND 9 trillion,
    some 210,000 customers borrowed" counts those holding that debt. Not when the count's own
    clause dates its borrowing ("…, 4,000 households borrowed in 2024") or the sentence counts
    years up to now."""
    last = ctx.state.last_level.get("money")
    lexicon = ctx.linker.lexicon
    if fig.kind != "count" or last is None or lexicon.indicators[last[0]].measure != "stock":
        return None
    code = lexicon.indicators[last[0]].count_pair
    if code is None or not lexicon.accepts(code, kind=fig.kind, unit=fig.unit):
        return None
    s0, _ = segment_span(ctx, fig)
    end = _past_change(ctx, _past_share(ctx, _past_aside(ctx, last[1])), fig.start)
    if last[1] < s0 or _figures_between(ctx, end, fig.start) or ctx.text[end : fig.start].strip() != ",":
        return None
    _, c1 = clause_span(ctx, fig)
    if ctx.free_dates.within(fig.end, c1) or _over_years(ctx, fig) or not _only_holds(ctx, fig, c1):
        return None
    if _counts_years(ctx, sentence_span(ctx, fig)[0], fig.start):
        return None
    return code, f"paired-with:{last[0]}"


def _only_holds(ctx: Context, fig: Figure, clause_end: int) -> bool:
    """Whether the count's clause says no more than that they borrow: its last words are a plain
    borrowing cue (``holding_cues``: "borrowed capital", not "were disbursed"), perhaps the
    borrowers named between ("…, 9,000 customers in the province borrowed capital"), with nothing
    after it, no figure and no word of new lending or of a period before it (``not_holding``:
    "new", "first time", "during", "this year") and no date after the count."""
    cue = ctx.last_mark("holding_cues", fig.end, clause_end)
    if cue is None or ctx.text[cue[1] : clause_end].strip(" ,;.:)"):
        return False
    if ctx.marks("not_holding", fig.start, clause_end) or ctx.marks("per_period", fig.end, clause_end):
        return False
    return not _figures_between(ctx, fig.end, cue[0])


def _counts_years(ctx: Context, start: int, end: int) -> bool:
    """Whether the sentence before the count looks back over years or to the unit's founding
    ("over two decades", "since its establishment", "N years of implementing …"): those it counts
    were lent to over that time, not the holders of today's debt. A word of a year inside a date
    ("by the end of 2024") counts no years."""
    if any(ctx.marks(name, start, end) for name in ("since_founding", "founded", "founding", "anniversary")):
        return True
    dates = ctx.free_dates.within(start, end)
    return any(not any(d.start <= a and b <= d.end for d in dates)
               for a, b, _ in ctx.marks("years_counted", start, end))


def _over_years(ctx: Context, fig: Figure) -> bool:
    """Whether the figure's sentence, before it, counts years up to now ("15 năm qua", ``past_years``)
    or names a span of several years ("giai đoạn 2016-2020"): borrowers who got loans over it are
    those lent to, whatever debt they hold now ("… đã cho 46.900 hộ được vay vốn với tổng dư nợ …")."""
    s0, _ = sentence_span(ctx, fig)
    # A word of the present between the years and the figure ("currently") speaks of those
    # holding loans now; one before the years ("Today, after 20 years, ...") does not.
    past = ctx.last_mark("past_years", s0, fig.start)
    if past is not None and not ctx.marks("present", past[1], fig.start):
        return True
    return any(d.period_start is not None and d.period_end is not None and d.period_end.year > d.period_start.year
               and not ctx.marks("present", d.end, fig.start) for d in ctx.free_dates.within(s0, fig.start))


def _share_of_whole(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """An amount no cue governs, stated as a share of a whole ("Some VND 2,650 billion or 61
    percent of the credit balance went to farming", ``parts.share_of``): the whole's indicator;
    none when its clause names before it what no indicator measures (a blocker: "nợ quá hạn và
    nợ khoanh là 458 triệu đồng, chiếm 0,1% tổng dư nợ" is that share, no level of the whole)."""
    c0, _ = clause_span(ctx, fig)
    if ctx.marks("blockers", c0, fig.start):
        return None
    found = share_of(ctx, fig)
    if not found:
        return None
    own = _own_noun(ctx, fig, c0, found)
    if own is not None:
        return own or None
    return _decided(ctx, found[1], fig, "share-of")


def _own_noun(ctx: Context, fig: Figure, c0: int, found: tuple[Hit, CueHit]) -> tuple[str, str] | Literal[""] | None:
    """The amount's own noun, when its clause names, before the share word, what another indicator
    measures ("4,1 tỷ đồng nợ quá hạn, chiếm 0,1% tổng dư nợ", "nợ khoanh còn 2 tỷ đồng, chiếm
    …"): the rate's numerator, not a part of the whole named after the percent. The indicator of
    a cue between the amount and the share word that takes the amount (``own-noun:…``); ``""``
    when none does (frozen debt has no amount of ours); None when the clause names no debt's state
    (``rate_numerators`` of rules/parts.yaml: a borrower group's or channel's noun is a part's)."""
    share, whole = found
    wholes = set(ctx.linker.lexicon.candidates(whole, lang=ctx.lang))
    numerators = ctx.linker.rate_numerators
    others = [c for c in ctx.cues.within(c0, share[0])
              if numerators & (cands := set(ctx.linker.lexicon.candidates(c, lang=ctx.lang))) and not wholes & cands]
    if not others:
        return None
    for cue in others:
        if cue.start >= fig.end and (decided := _decided(ctx, cue, fig, "own-noun")):
            return decided
    return ""


def _cue_after_list(ctx: Context, fig: Figure, clause_end: int) -> tuple[str, str] | None:
    """A cue after the list of borrowers a count counts, when it goes on past its clause."""
    end = borrowers_end(ctx, fig)
    counts = ctx.figures.within(fig.end, end)
    if counts and all(_counts_borrowers(ctx, f, end) for f in counts):
        return _cue_after(ctx, fig, end, listed=counts[-1].end)
    return _cue_after(ctx, fig, end) if end > clause_end else None


def _counts_borrowers(ctx: Context, fig: Figure, end: int) -> bool:
    """Whether the figure is a count of a kind of borrowers (``borrower_list`` inside its words:
    "268 hộ cận nghèo"), an item of a list of borrowers ending at ``end``."""
    named = ctx.first_mark("borrower_list", fig.start, end)
    return fig.kind == "count" and named is not None and named[0] < fig.end


def _list_item(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """An item of a list opened by a colon ("các chương trình cho vay: hộ cận nghèo 96,4 tỷ
    đồng; nước sạch 52,3 tỷ đồng; …", ``link.lists``): the indicator of the nearest fitting cue
    before the colon in its sentence, which the lead-in breaks down."""
    item = list_item(ctx, fig)
    if item is None:
        return None
    s0, _ = sentence_span(ctx, fig)
    found = _cue_before(ctx, fig, s0, end=item[0].colon)
    return (found[0], "list-item:" + found[1].removeprefix("cue:")) if found else None


def _programme_item(ctx: Context, fig: Figure, clause_start: int) -> tuple[str, str] | None:
    """An item of a list or of a breakdown whose only cues lie in the programme's name ("cho vay
    hộ nghèo 1.412 tỷ đồng" after "Dư nợ tập trung vào 3 chương trình:", "Trong đó, cho vay hộ
    nghèo đạt 245 tỷ đồng" after a total of outstanding loans): the lead-in's indicator, or that
    of the total broken down; "cho vay" there names the programme, not what its figure measures."""
    if not _names_programmes(ctx, _name_start(ctx, fig, clause_start), fig.start):
        return _next_programme(ctx, fig) if _name_reached(ctx, fig, clause_start) else None
    return _list_item(ctx, fig) or _programme_broken_down(ctx, fig) or _next_programme(ctx, fig)


def _name_reached(ctx: Context, fig: Figure, clause_start: int) -> bool:
    """Whether a programme's name in the figure's clause ends right before a verb of a level that
    leads to the figure ("…, phòng giao dịch cho vay nước sạch đạt 390 tỷ đồng"): what the
    programme reached, whoever the clause names as its lender; only a cue of that name stands
    before it."""
    names = ctx.marks(PROGRAMME_NAMES, clause_start, fig.start)
    if not names:
        return False
    start, end, _ = names[-1]
    if any(c.position == "before" and not (start <= c.start and c.end <= end)
           for c in ctx.cues.within(clause_start, fig.start)):
        return False  # "doanh số cho vay nước sạch đạt …": the cue says what the figure is
    verb = ctx.first_mark("level_verbs", end, fig.end)
    return (verb is not None and not ctx.text[end : verb[0]].strip()
            and (verb[1] > fig.start or not ctx.text[verb[1] : fig.start].strip()))


def _next_programme(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """An item that opens with a programme's name right after another programme's level in its
    paragraph ("Chương trình cho vay hộ nghèo có dư nợ 1.600 tỷ đồng. Cho vay hộ cận nghèo đạt 700
    tỷ đồng"): the report goes on programme by programme, measuring what it measured before; a
    clause that names who lends ("chi nhánh cho vay hộ cận nghèo …") opens with no name and lends,
    unless a verb of a level joins the name to the figure (``_name_reached``: "… đạt 700 tỷ đồng")."""
    level, part = ctx.state.last_level.get(fig.kind), ctx.state.last_part.get(fig.kind)
    if level is None or part is None or part[1] != level[1] or part[2] != "programme":
        return None
    if fig.start - level[1] > BREAKDOWN_REACH or "\n" in ctx.text[level[1] : fig.start]:
        return None
    if not ctx.linker.lexicon.accepts(level[0], kind=fig.kind, unit=fig.unit):
        return None
    s0, _ = sentence_span(ctx, fig)
    if s0 > level[1] and any(_own_period(ctx, d, s0) for d in ctx.free_dates.within(s0, fig.start)):
        return None  # a sentence of its own that opens with its own span ("Trong 9 tháng, …"): a flow
    return level[0], f"next-programme:{level[0]}"


def _own_period(ctx: Context, d: DateMention, s0: int) -> bool:
    """Whether a date before an item in its sentence gives the item a period of its own: a span
    ("6 tháng đầu năm"), not a day or a span's end after an until word ("đến 30/9", "tính đến hết
    quý III": the level then) nor a baseline after a comparison word ("so với …")."""
    if d.period_start is None or d.period_end is None or d.period_start == d.period_end:
        return False
    return ctx.marker_before("until", d.start) is None and not ctx.marks("comparison", s0, d.start)


def _name_start(ctx: Context, fig: Figure, clause_start: int) -> int:
    """Where the figure's clause begins once a programme's name its comma cuts is whole again
    ("cho vay hộ sản xuất, kinh doanh vùng khó khăn đạt 915 tỷ đồng")."""
    s0, _ = sentence_span(ctx, fig)
    cut = [start for start, end, _ in ctx.marks(PROGRAMME_NAMES, s0, fig.start) if start < clause_start < end]
    return min([clause_start, *cut])


def _names_programmes(ctx: Context, start: int, end: int) -> bool:
    """Whether cues stand in ``[start, end)``, each inside the name of a programme ("cho vay hộ
    nghèo") and the first name opens the stretch: they name what is lent for, not what a figure
    measures ("Trong đó, năm 2024 chi nhánh đã cho vay hộ nghèo 900 tỷ đồng" lends)."""
    cues = [c for c in ctx.cues.within(start, end) if c.position == "before"]
    if not cues:
        return False  # most clauses before a figure hold none: no names to list
    names = sorted(ctx.marks(PROGRAMME_NAMES, start, end) + _lent_to_group(ctx, cues, end))
    if not names or ctx.text[_past_breakdown_word(ctx, start, names[0][0]) : names[0][0]].strip(
            _OPENING_PUNCTUATION):
        return False
    return all(any(s <= c.start and c.end <= e for s, e, _ in names) for c in cues)


def _lent_to_group(ctx: Context, cues: list[CueHit], end: int) -> list[Hit]:
    """A lending cue (a ``lent_to`` word) followed right away by the name of a group of borrowers
    ("cho vay hộ đồng bào DTTS ở vùng cao …", "loans to ethnic minority households …"), as one
    span: the group's loans are a programme's name as much as a listed programme's is, when it
    opens an item; a cue of paying out or collecting before a group keeps its indicator."""
    spans = []
    for cue in cues:
        if not any(s == cue.start for s, _, _ in ctx.marks(LENT_TO, cue.start, end)):
            continue  # "thu nợ hộ DTTS", "giải ngân cho hộ DTTS": another indicator's verb, no name
        group = ctx.first_mark(GROUP_NAMES, cue.end, end)
        if group is not None and _one_name(ctx.text[cue.end : group[0]], ctx.reach("lent_group")):
            spans.append((cue.start, group[1], group[2]))
    return spans


def _one_name(between: str, reach: int) -> bool:
    """Whether the words between a cue and a group's name belong to one name with it ("hộ đồng
    bào" before "DTTS"): within ``reach`` characters, no punctuation, no figure."""
    return len(between) <= reach and not any(ch in between for ch in ",;:.()") and not any(
        ch.isdigit() for ch in between)


def _past_breakdown_word(ctx: Context, start: int, end: int) -> int:
    """Where the words of ``[start, end)`` begin past a breakdown word that opens it: a total's
    clause goes on "…, trong đó cho vay hộ nghèo đạt 1.250 tỷ đồng" with no comma after the word,
    and the programme's name still opens the item."""
    hit = ctx.first_mark("breakdown", start, end)
    return hit[1] if hit and not ctx.text[start : hit[0]].strip(_OPENING_PUNCTUATION) else start


def _programme_broken_down(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """The total a breakdown word before the figure in its sentence breaks down, for an item
    that names its programme ("Tổng dư nợ đạt 520 tỷ đồng. Trong đó, cho vay hộ nghèo 245 tỷ
    đồng")."""
    mark = _breakdown_word(ctx, fig)
    return _broken_down(ctx, fig, mark[0]) if mark else None


def _breakdown_word(ctx: Context, fig: Figure) -> Hit | None:
    """The last breakdown word ("Trong đó", "of which") before the figure in its sentence."""
    s0, _ = sentence_span(ctx, fig)
    return ctx.last_mark("breakdown", s0, fig.start)


def _breakdown_item(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """A later item of a breakdown, parted from the ones before by semicolons ("Trong đó, dư nợ
    ủy thác qua Hội Nông dân 4.400 tỷ đồng; Hội Cựu chiến binh 2.500 tỷ đồng"): the indicator of
    the nearest fitting cue since the breakdown word, which the items before it share."""
    mark = _breakdown_word(ctx, fig)
    if mark is None:
        return None
    share = share_of(ctx, fig)
    own = _own_noun(ctx, fig, clause_span(ctx, fig)[0], share) if share else None
    if own is not None:
        return own or None  # "…; nợ khoanh 3 tỷ đồng, chiếm 0,1% tổng dư nợ": its own noun's
    later = segment_span(ctx, fig)[0] > mark[1] and not _names_programmes(ctx, mark[1], fig.start)
    found = _cue_before(ctx, fig, mark[1]) if later else None
    if found:
        return found[0], "list-item:" + found[1].removeprefix("cue:")
    return _broken_down(ctx, fig, mark[0])


# How far before its breakdown word the total broken down may stand: about the breakdown's own
# sentence and the one before it, where a report states the total it breaks down; a bound on
# sentences, not on the words of a phrase (alike in both languages, no language data); further
# back, the last total of its kind belongs to another passage.
BREAKDOWN_REACH = 400


def _broken_down(ctx: Context, fig: Figure, mark: int) -> tuple[str, str] | None:
    """An amount or a count in a breakdown that names no indicator ("Tổng dư nợ đạt 5.000 tỷ
    đồng, trong đó có 900 tỷ đồng cho HSSV", "Trong đó, nguồn vốn cân đối từ Trung ương là 4.200
    tỷ đồng"): a part of the last total of its kind, stated just before the breakdown word. A
    percent there is a share of that total, not a level of its indicator; a blocker after the
    breakdown word governs what follows it."""
    broken = part_broken_down(ctx, fig, mark)
    level = (broken[0], broken[1]) if broken is not None else ctx.state.last_total.get(fig.kind)
    # An outcome counted by a group's own noun after the last total ("… helped 900 Khmer households
    # escape poverty") is the level a breakdown right after it goes on from, as the outcome's total
    # would be (an outcome has no parts by cue: ``cued_parts``).
    group = ctx.state.last_part.get(fig.kind)
    if (broken is None and group is not None and group[2] == "group" and (level is None or level[1] < group[1])
            and not ctx.linker.lexicon.indicators[group[0]].cued_parts):
        level = (group[0], group[1])
    if broken is None and level is not None and level[1] > mark:
        # A total of another indicator stated among the items ("…, including 1,830 households …;
        # 52 students, a total of their own; 5,180 customers …"): the items after it still
        # break down the total stated before the breakdown word.
        level = _total_before(ctx, fig, mark)
    if fig.kind == "percent" or level is None or not _total_reached(ctx, level[1], mark, fig.kind):
        return None
    if ctx.marks("blockers", mark, fig.start) or _blocker_names_it(ctx, fig):
        return None
    capital = ctx.linker.capital_items.get(level[0])
    if capital is not None and fig.kind == "money" and _capital_item(ctx, fig, mark):
        return capital, f"capital-item:{capital}"
    if not ctx.linker.lexicon.accepts(level[0], kind=fig.kind, unit=fig.unit):
        return None
    return level[0], f"breakdown-of:{level[0]}"


def _capital_item(ctx: Context, fig: Figure, mark: int) -> bool:
    """Whether the figure's item of a breakdown opens with words naming one source of capital
    (``capital_item``: "Trong đó, nguồn vốn Trung ương chuyển về …"): the breakdown lists the
    capital by source, whatever total the report stated before it (a total of loans,
    ``capital_item_totals``, may stand for the capital that funds them), and the item is that
    capital's, not a part of the loans. A total of capital broken down keeps its own indicator:
    its items are its sources already."""
    breakdown = ctx.last_mark("breakdown", mark, fig.start)
    start = max(segment_span(ctx, fig)[0], breakdown[1] if breakdown is not None else mark)
    first = ctx.first_mark("capital_item", start, fig.start)
    return first is not None and not ctx.text[start : first[0]].strip(" \t,:;-")


def _total_before(ctx: Context, fig: Figure, mark: int) -> tuple[str, int] | None:
    """The last total of the figure's kind stated before the breakdown word at ``mark``."""
    indicators = ctx.linker.lexicon.indicators
    before = [(end, code) for code, (end, _) in ctx.state.total_ends.items()
              if end <= mark and indicators[code].kind == fig.kind]
    if not before:
        return None
    end, code = max(before)
    return code, end


def _blocker_names_it(ctx: Context, fig: Figure) -> bool:
    """Whether its clause, after the figure and before any other figure, names it by what no
    indicator measures ("including VND 2 billion that had become bad debt"): the item says what
    it is, and it is no part of the total broken down."""
    _, c1 = clause_span(ctx, fig)
    hit = ctx.first_mark("blockers", fig.end, c1)
    return hit is not None and not ctx.figures.within(fig.end, hit[0])


def _total_reached(ctx: Context, total_end: int, mark: int, kind: str) -> bool:
    """Whether the total of ``kind`` ending at ``total_end`` is what the breakdown word at ``mark``
    breaks down: within ``BREAKDOWN_REACH`` before it, or within twice that when no figure of its
    kind stands between them (what lies between is another indicator's sentence or prose stating
    nothing of it) and, past a paragraph break, no date either: a total of an earlier paragraph
    that another date follows is another time's."""
    if not total_end <= mark:
        return False
    if mark - total_end <= BREAKDOWN_REACH:
        return True
    if "\n" in ctx.text[total_end:mark] and ctx.free_dates.within(total_end, mark):
        return False
    return mark - total_end <= 2 * BREAKDOWN_REACH and all(f.kind != kind for f in ctx.figures.within(total_end, mark))


def _paired_count(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """A count joined to the money level just before it ("đạt 3.107 tỷ đồng/137.834 khách hàng",
    "reached VND 10 trillion, with 159,000 customers borrowing"), perhaps across the level's change
    (``_past_change``): the level's count indicator."""
    last = ctx.state.last_level.get("money")
    if fig.kind != "count" or last is None:
        return None
    code = ctx.linker.lexicon.indicators[last[0]].count_pair
    if code is None or not ctx.linker.lexicon.accepts(code, kind=fig.kind, unit=fig.unit):
        return None
    s0, _ = segment_span(ctx, fig)
    end = _past_groups(ctx, _past_change(ctx, _past_share(ctx, _past_aside(ctx, last[1])), fig.start), fig.start)
    if last[1] < s0 or _figures_between(ctx, end, fig.start):
        return None
    gap = ctx.text[end : fig.start]
    # (past a date glued to the amount: "VND 1,900 billion in 2023, benefiting 39,000 households")
    joined = gap.strip() in ("/", "") or paired_after(ctx, glued_date_end(ctx, end), fig)
    return (code, f"paired-with:{last[0]}") if joined else None


def _paired_later_amount(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """A count joined to the amount after it in its sentence part by a pair binder that opens the
    amount's clause ("… 320 customers in Tam Chung commune took out loans, with a total debt of
    VND 26 billion") or follows the count in a clause they share: the count indicator
    (``count_pair``) of the amount's own cue, the pairing read ahead."""
    if fig.kind != "count":
        return None
    later = ctx.figures.within(fig.end, segment_span(ctx, fig)[1])
    if not later or later[0].kind != "money":
        return None
    a0, _ = clause_span(ctx, later[0])
    # The binder opens the amount's clause, or, in the count's own clause, follows the count
    # ("31 nghìn hộ được vay vốn với tổng dư nợ 1.210 tỷ đồng").
    binder = ctx.first_mark("pair_binders", max(a0, fig.end), later[0].start)
    if binder is None or (a0 > fig.start and ctx.text[a0 : binder[0]].strip()):
        return None
    found = _cue_before(ctx, later[0], binder[1])
    if not found:
        return None
    code = ctx.linker.lexicon.indicators[found[0]].count_pair
    if code is None or not ctx.linker.lexicon.accepts(code, kind=fig.kind, unit=fig.unit):
        return None
    return code, f"paired-with-later:{found[0]}"


def _past_share(ctx: Context, level_end: int) -> int:
    """Where the level ending at ``level_end`` is done being stated: past the share of a whole
    that follows it ("VND 3,100 billion, accounting for 24% of total outstanding loans, with
    52,000 borrowers": the count pairs with the amount across the share), else its end."""
    level = ctx.figure_ends.within(level_end, level_end + 1)
    share = share_of(ctx, level[0]) if level else None
    return share[1].end if share else level_end


# The unit of the groups a level's loans go through ("… tỷ đồng, qua 820 tổ tiết kiệm và vay vốn
# với 31.500 hộ vay"): the borrowers after them are the level's.
GROUPS_UNIT = "savings and loan groups"


def _past_groups(ctx: Context, end: int, before: int) -> int:
    """Where the count of savings and loan groups right after a level ends, when it is the only
    figure before ``before`` in the level's clause chain ("đạt 2.480 tỷ đồng, qua 820 tổ tiết
    kiệm và vay vốn với 31.500 hộ vay", "VND 900 billion through 3,700 groups with 160,000
    borrowers": the borrowers pair with the amount across the groups), else ``end``."""
    between = ctx.figures.within(end, before)
    if len(between) != 1 or between[0].kind != "count" or between[0].unit != GROUPS_UNIT:
        return end
    if ";" in ctx.text[end : between[0].start] or ctx.cues.within(end, between[0].start):
        return end
    return between[0].end


def _past_change(ctx: Context, end: int, before: int) -> int:
    """Where the clauses right after a level that only state its change end ("reached VND 14
    trillion, up VND 1 trillion from 2023, benefiting 320,000 households": the count pairs with
    the level across its change), else ``end``; never past ``before``."""
    for change in ctx.figures.within(end, before):
        c0, c1 = clause_span(ctx, change)
        if change.start not in ctx.changes or ctx.text[end:c0].strip(" ,") or c1 > before:
            break
        end = c1
    return end


def _paired_amount(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """An amount a pair binder joins to the count of borrowers just before it ("N lượt hộ được
    vay vốn với 410 tỷ đồng", "8,100 customers received loans with VND 260 billion"): the money
    indicator whose borrowers that count is (``count_pair``), the pairing read the other way."""
    last = ctx.state.last_level.get("count")
    if fig.kind != "money" or last is None:
        return None
    s0, _ = segment_span(ctx, fig)
    if last[1] < s0 or _figures_between(ctx, last[1], fig.start):
        return None
    binders = ctx.marks("pair_binders", last[1], fig.start)
    if not binders or ctx.text[binders[-1][1] : fig.start].strip():
        return None
    lexicon = ctx.linker.lexicon
    paired = [code for code, rule in lexicon.indicators.items()
              if rule.count_pair == last[0] and lexicon.accepts(code, kind=fig.kind, unit=fig.unit)]
    return (paired[0], f"paired-with:{last[0]}") if paired else None


def _next_item(ctx: Context, fig: Figure, c0: int) -> tuple[str, str] | None:
    """A breakdown's item that opens its clause with its figure, right after an item of the same
    unit ("Trong đó, …; cho vay 730 lượt hộ mới thoát nghèo, 415 lượt hộ cận nghèo, 198 lượt hộ
    nghèo"): it goes on listing what that item measured."""
    last = ctx.state.last_level.get(fig.kind)
    s0, _ = sentence_span(ctx, fig)
    if last is None or ctx.text[c0 : fig.start].strip() or not ctx.marks("breakdown", s0, c0):
        return None
    before = ctx.figures.within(s0, fig.start)
    if not before or before[-1].end != last[1] or before[-1].unit != fig.unit:
        return None  # the figure before it is no level of this kind and unit
    return (last[0], f"next-item:{last[0]}") if last[1] >= segment_span(ctx, fig)[0] else None


def _branch_named(ctx: Context, start: int) -> bool:
    """Whether the place name at ``start`` stands right after the bank's name ("VBSP Lam Dong
    plans to …", its branch named by its province): the branch is the clause's subject, no
    place a list goes by."""
    bank = ctx.last_mark("bank", max(0, start - ctx.reach("clause_opener")), start)
    return bank is not None and not ctx.text[bank[1] : start].strip()


def _compared_level(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """ "The commune's overdue rate is 0.6%, above 0.35% of the province as a whole": a figure
    right after a comparative (``compared_level``) and right before the place or date it is of
    is a level of the indicator its sentence stated before it; one with no such words, or a
    plan's ("lower than 0.5% set in the plan"), is a goal or a yardstick, no level."""
    last = ctx.state.last_level.get(fig.kind)
    s0, _ = sentence_span(ctx, fig)
    if last is None or last[1] < s0:
        return None
    words = ctx.marks("compared_level", last[1], fig.start)
    if not words or ctx.text[words[-1][1] : fig.start].strip() or not _compared_of(ctx, fig):
        return None
    if not ctx.linker.lexicon.accepts(last[0], kind=fig.kind, unit=fig.unit):
        return None
    return last[0], f"compared-with:{last[0]}"


# Marker lists whose words after a compared figure make it a plan's or a goal's.
_PLAN_LISTS = ("compared_plan", "target", "goal_verbs", "plan_horizon", "plan_name")


def _compared_of(ctx: Context, fig: Figure) -> bool:
    """Whether the words of its clause after a compared figure name its place or date ("of the
    whole province", "in 2022") and none of them names a plan or a goal (``compared_plan``)."""
    _, c1 = clause_span(ctx, fig)
    named = (ctx.marks("province_ref", fig.end, c1) or ctx.mentions.within(fig.end, c1)
             or ctx.dates.within(fig.end, c1))
    return bool(named) and not any(ctx.marks(name, fig.end, c1) for name in _PLAN_LISTS)


def _listed_by_place(ctx: Context, fig: Figure, c0: int) -> tuple[str, str] | None:
    """ "Of this, Nam Dinh (old) accounted for VND 5,870 billion, Ninh Binh (old) for VND 3,960
    billion": a clause that opens with a place, or with words referring back for a place ("that
    in An Giang", ``place_openers``), lists the previous level's indicator by place. So does an
    item that opens with a district or commune and gives this figure alone ("…; huyện Tương
    Dương 720 tỷ đồng", "…; in Que Phong district, VND 610 billion")."""
    last = ctx.state.last_level.get(fig.kind)
    if last is None or fig.start - last[1] > 400:
        return None
    opens = [m for m in ctx.mentions.within(c0, c0 + 7) if m.end <= fig.start and not _branch_named(ctx, m.start)]
    if opens and last[1] < sentence_span(ctx, fig)[0] and not _item_after_place(ctx, opens[0].end, fig):
        opens = []
    if not opens and not _opened_by_place_words(ctx, fig, c0) and not _opened_by_area(ctx, fig, c0):
        return None
    if not ctx.linker.lexicon.accepts(last[0], kind=fig.kind, unit=fig.unit):
        return None
    return last[0], f"listed-by-place:{last[0]}"


# Between a province opening a list item and its figure: a short aside ("(old)", "(cũ)") and
# spaces, commas and colons.
_PLACE_ASIDE = re.compile(r"\s*(?:\([^()]{1,20}\))?[\s,:]*")


def _item_after_place(ctx: Context, end: int, fig: Figure) -> bool:
    """Whether a sentence opening with a province (ending at ``end``) goes on listing the level
    of an earlier sentence: a breakdown word stands before the figure in its sentence ("Of this,
    Nam Dinh (old) accounted for …"), or only a level verb (``level_verbs``: "reached", "đạt")
    stands between the province and the figure ("Hà Tĩnh đạt 5.200 tỷ đồng."), or the bank's
    branch there is the figure's subject ("the Nghe An branch's loans for students reached …"). A
    sentence of its own about the province ("Nghe An's farmers earned VND 13,900 billion from
    exports") is none."""
    s0, _ = sentence_span(ctx, fig)
    named = ctx.first_mark(scope_list("branch_after"), end, fig.start)
    if ctx.marks("breakdown", s0, fig.start) or (named is not None and not ctx.text[end : named[0]].strip()):
        return True
    gap = _PLACE_ASIDE.match(ctx.text, end, fig.start)
    assert gap is not None, "every part is optional"
    rest = gap.end()
    if rest == fig.start:
        return True
    verb = ctx.first_mark("level_verbs", rest, fig.start)
    return verb is not None and verb[0] == rest and _PLACE_ASIDE.fullmatch(ctx.text, verb[1], fig.start) is not None


def _respective_cue(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """The indicator a "respectively" list of indicators gives the figure: the i-th cue of the
    run of cues that ends last before the run of figures in its sentence, for the i-th figure
    ("Total capital and outstanding loans reached VND 9,410 billion and VND 9,356 billion,
    respectively", "tổng nguồn vốn và tổng dư nợ lần lượt đạt …"): the cues joined as
    ``when.list_joined`` joins, a cue inside a longer one no cue of its own. None when a run of
    dates reads the list, the runs differ in length or the i-th cue does not take the figure."""
    run = respective_run(ctx, fig)
    if not run or respective_date(ctx, fig) is not None:
        return None
    s0, _ = sentence_span(ctx, fig)
    near = max(s0, run[0].start - ctx.reach("respective_list"))
    cues = [c for c in ctx.cues.within(near, run[0].start) if c.position == "before"]
    cues = [c for c in cues if not any(o is not c and o.start <= c.start and c.end <= o.end for o in cues)]
    index = respective_index(ctx, run, fig, [(cue.start, cue.end) for cue in cues])
    return None if index is None else _decided(ctx, cues[index], fig, "respective-cue")


def _kind_listed(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """A later item of a breakdown's list of kinds of household ("…, trong đó, 21.400 hộ nghèo,
    18.200 hộ cận nghèo và 9.600 hộ mới thoát nghèo"): a count naming its kind by its own noun
    (``parts.household_kind``), joined by a comma or a joining word to the count before it, a part
    of the same unit after the breakdown word. It goes on listing what that item measured,
    whatever a cue inside its kind's name says ("thoát nghèo": a kind of borrower here)."""
    if fig.kind != "count" or household_kind(ctx, fig.start, fig.end) is None:
        return None  # most figures: no kind of household in their noun
    s0, _ = sentence_span(ctx, fig)
    mark = ctx.last_mark("breakdown", s0, fig.start)
    prev = ctx.figure_ends.last_before(fig.start + 1)
    part = ctx.state.last_part.get(fig.kind)
    if (mark is None or prev is None or part is None or prev.start < mark[1] or prev.unit != fig.unit
            or part[1] != prev.end or fig.start - prev.end > ctx.reach("item_name")):
        return None
    join = ctx.last_mark(SPLIT_JOINS, prev.end, fig.start)
    if not (ctx.text[prev.end : fig.start].rstrip().endswith((",", ";"))
            or (join is not None and not ctx.text[join[1] : fig.start].strip())):
        return None
    return part[0], f"next-item:{part[0]}"


def _respective_item(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """ "Dư nợ đến 31/12/2023 và 31/12/2024 tương ứng là 5.000 tỷ đồng, 5.600 tỷ đồng": a later
    item of a "respectively" run of figures (``when.respective_run``) that a run of dates reads
    item by item (``when.respective_date``), or a list of areas or provinces
    (``parts.respective_area``, ``place.respective_place``), has
    the indicator of the level its item before it is; a run neither reads is no list of ours (a
    later item would be the province's)."""
    last = ctx.state.last_level.get(fig.kind)
    programmes = respective_programme(ctx, fig) is not None
    if not programmes and (last is None or (respective_date(ctx, fig) is None and respective_area(ctx, fig) is None
                                            and respective_place(ctx, fig) is None)):
        return None
    run = respective_run(ctx, fig)
    index = next((i for i, f in enumerate(run) if f is fig), 0)
    if not index and programmes:
        # The first item of programmes no cue reads ("Loans for poor households and loans for
        # near-poor households stood at … and …, respectively"): items of the last total of its
        # kind, stated in its paragraph or the one before.
        total = ctx.state.last_total.get(fig.kind)
        if total is None or total[1] < paragraph_before(ctx, fig):
            return None
        return total[0], f"breakdown-of:{total[0]}"
    if last is None or not index or run[index - 1].end != last[1]:
        return None
    return last[0], f"respectively:{last[0]}"


def _listed_by_part(ctx: Context, fig: Figure, c0: int) -> tuple[str, str] | None:
    """ "Some programmes have high outstanding loans, such as loans for poor households (VND 301
    billion), loans for job creation (VND 95 billion)": a clause that opens with a part cue of
    ``rules/parts.yaml`` (a programme, channel, group…) lists the previous level's indicator by
    part, in the same sentence."""
    last = ctx.state.last_level.get(fig.kind)
    if last is None or last[1] < sentence_span(ctx, fig)[0]:
        return None
    if not any(start < c0 + ctx.reach("clause_opener") and end <= fig.start
               for cues in PART_CUES for start, end, _ in ctx.marks(cues, c0, fig.start)):
        return None
    if not ctx.linker.lexicon.accepts(last[0], kind=fig.kind, unit=fig.unit):
        return None
    return last[0], f"listed-by-part:{last[0]}"


# Between a listed item's name and its figure: spaces, commas and colons only; after its figure,
# to its clause's end: spaces and the punctuation that ends it.
_ITEM_GAP = re.compile(r"[\s,:]*")
_ITEM_END = re.compile(r"[\s.;,:!?)]*")


def _opened_by_area(ctx: Context, fig: Figure, c0: int) -> bool:
    """Whether an area (a district, town or commune) right before the figure, with nothing but a
    comma between, opens the figure's clause, or its item between semicolons when the figure is
    the item's only one, or follows the level it goes on listing with one word at most between
    ("…, Tuong Duong district VND 720 billion and Que Phong district VND 610 billion")."""
    s0, _ = segment_span(ctx, fig)
    last_end = ctx.state.last_level[fig.kind][1]
    starts = [c0, s0] if s0 >= last_end and not ctx.figures.within(s0, fig.start) else [c0]
    named = [a for a in ctx.areas.within(min(starts), fig.start)
             if a.end <= fig.start and _ITEM_GAP.fullmatch(ctx.text, a.end, fig.start)]
    if not named:
        return False
    area, reach = named[-1], ctx.reach("clause_opener")
    if not _item_ends(ctx, fig):
        return False
    if any(start <= area.start < start + reach for start in starts):
        return True
    return c0 <= last_end <= area.start and len(ctx.text[last_end : area.start].split()) <= 1


def _item_ends(ctx: Context, fig: Figure) -> bool:
    """Whether a listed item ends with its figure: nothing follows it in its clause but the next
    item, one word at most before it ("… VND 720 billion and Yen Thanh district VND 910
    billion"); a verb after it ("30 tỷ đồng được dùng xây trụ sở") makes a sentence of its own."""
    _, c1 = clause_span(ctx, fig)
    if _ITEM_END.fullmatch(ctx.text, fig.end, c1):
        return True
    following = ctx.areas.within(fig.end, c1)
    return bool(following) and len(ctx.text[fig.end : following[0].start].split()) <= 1


def _opened_by_place_words(ctx: Context, fig: Figure, c0: int) -> bool:
    """Whether the clause opens with words referring back to the level just listed and a place
    right after them, before the figure ("that in An Giang to 0.98%")."""
    for start, end, _ in ctx.marks("place_openers", c0, fig.start):
        if start >= c0 + ctx.reach("clause_opener"):
            break
        named = ctx.mentions.within(end, end + 2)
        if named and named[0].end <= fig.start:
            return True
    return False
