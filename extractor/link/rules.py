"""The linking rules: ``rules/linking.yaml`` (marker phrase lists) and the ``Linker`` built once.

Every marker phrase carries its examples (sentences with what a reader expects their figure to
link to), validated here, run by ``tests/test_rule_examples.py`` and never compiled; so does
every phrase of ``rules/scope.yaml`` (whose figures) and ``rules/parts.yaml`` (parts versus totals).

A ``Linker`` holds everything linking needs, compiled: the indicator lexicon, the province
gazetteer and one phrase index per language over the marker lists and the indicator cues. The
rule ids linking writes in ``Observation.rules`` are listed in ``CODE_RULES``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal, NamedTuple

from pydantic import Field, model_validator

from extractor.link.indicators import Cues, IndicatorLexicon, Text
from extractor.link.outlets import Outlets
from extractor.link.provinces import Gazetteer
from extractor.models import Boundaries, LegalKind, PartKind, Status
from extractor.parse.head import NO_CHROME, Chrome
from extractor.registry.files import (
    RuleFile,
    Strict,
    raise_problems,
    read_rule_file,
    validate_rule_file,
)
from extractor.registry.phrases import PhraseIndex, first_word, new_tone
from extractor.resources import rules_dir

CUES_BEFORE, CUES_AFTER = "cue:before", "cue:after"

# The rule ids linking writes in ``Observation.rules``, by key. An id ending in ":" is a family
# ("cue:<phrase>", "target:<phrase>"); a value's part after "+" says where an open end came from
# ("sentence:since+published"). tests/test_link.py shows each deciding and not.
CODE_RULES: dict[str, tuple[str, ...]] = {
    "indicator": ("unit:", "cue:", "cue-after:", "at-a-date:", "listed-by-place:", "listed-by-part:", "respectively:",
                  "respective-cue:", "list-item:", "next-item:", "next-programme:", "breakdown-of:", "capital-item:",
                  "average-of:", "change-of:", "paired-with:", "share-of:", "own-noun:"),
    "province": ("clause:after", "clause", "sentence", "sentence:respectively", "paragraph", "sentence:national-amount",
                 "document:title", "document:branch", "document:outlet", "document:address", "document:frequency",
                 "document:national", "none"),
    "boundaries": ("date", "old-marker", "merged-away", "no-date", "no-date:merged-away"),
    "date": ("sentence:as_of", "sentence:period", "sentence:period_end", "sentence:open", "sentence:month-start",
             "sentence:from-to", "sentence:since", "sentence:until", "sentence:end",
             "sentence:year-to-date", "sentence:to_now", "since:", "since_founding:", "present:",
             "last_year:", "this_year:", "past_years:", "reviewed:",
             "frame", "stated-later", "published", "plan-year",
             "old-marker:undated", "headline", "none"),
    "status": ("target:", "future-date", "actual"),
    "change": ("change:",),
    "part": ("area:district-document", "programme:document", "channel:document", "area:named", "area:office",
             "area:respectively", "programme:respectively", "area:commune", "area:commune-ref", "area:breakdown",
             "programme:", "programme-after:", "channel:", "group:", "source:", "average:", "list:", "share:",
             "paired-with:", "smaller-than-total"),
}


def rule_id(value: str) -> str:
    """The id of a rule value: "sentence:since+published" → "sentence:since",
    "cue:dư nợ (earlier clause)" → "cue:dư nợ"."""
    return value.split("+")[0].removesuffix(" (earlier clause)")


def decided_by(value: str, rule: str) -> bool:
    """Whether a rule value in ``Observation.rules`` comes from ``rule`` (an id or a family)."""
    base = rule_id(value)
    return base == rule or (rule.endswith(":") and base.startswith(rule))


MARKER_LISTS = (
    "national",
    "bank",
    "province_ref",
    "target",
    "time_ahead",
    "time_ahead_done",
    "time_ahead_purpose",
    "comparison",
    "since",
    "until",
    "to_now",
    "present",
    "flow",
    "blockers",
    "blockers_not",
    "date_binders",
    "breakdown",
    "programme",
    "programme_lead_in",
    "awards",
    "vague_orders",
    "oversight",
    "restatement",
    "place_binders",
    "comparison_dated",
    "decrease",
    "anecdote",
    "reporting",
    "merged_from",
    "change_from",
    "pair_binders",
    "anniversary",
    "previous_year",
    "level_ref",
    "level_ref_other",
    "contrast_joins",
    "one_group",
    "one_group_named",
    "same_period_before",
    "year_so_far_lead",
    "same_period_named",
    "over_years",
    "year_span",
    "baseline_after",
    "one_year",
    "place_openers",
    "paragraph_openers",
    "change_to",
    "level_from",
    "from_to_verbs",
    "borrower_list",
    "per_year",
    "respectively",
    "negated",
    "one_loan",
    "one_loan_after",
    "lending_verbs",
    "causative_verbs",
    "holding_verbs",
    "level_verbs",
    "change_cause",
    "per_period",
    "past_years",
    "past_years_lead",
    "past_years_approx",
    "last_year",
    "not_last_year",
    "this_year",
    "since_founding",
    "founded",
    "projection",
    "reviewed",
    "whole_year",
    "holding_cues",
    "not_holding",
    "years_counted",
    "founding",
    "share_of_baseline",
    "denominator",
    "plan_met",
    "plan_horizon",
    "plan_name",
    "plan_share",
    "compared_level",
    "compared_plan",
    "graded",
    "forecast",
    "goal_verbs",
    "ranking",
    "national_network",
    "capital_item",
    "year_before",
    "year_before_named",
    "credit_cause",
    "credit_blocker",
    "credit_frame",
)


class Expectation(Strict):
    """What a reader expects of the figure an example checks: each observation field given here
    (``indicator: null``: no observation at all) and each ``rules`` value given; fields left out
    are not checked."""

    indicator: str | None = None
    province: str | None = None
    boundaries: Boundaries | None = None
    status: Status = "actual"
    as_of: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    date_inferred: bool = False
    value: Decimal | None = None
    change_value: Decimal | None = None
    change_baseline: dt.date | None = None
    part_of: PartKind | None = None
    part: str | None = None
    rules: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _checks_something(self) -> Expectation:
        if not self.model_fields_set:
            raise ValueError("an expectation gives at least one field to check")
        return self

    def given(self) -> dict[str, object]:
        """The fields the example gives, by name."""
        return {name: getattr(self, name) for name in sorted(self.model_fields_set)}


class MarkerExample(Strict):
    """A sentence in the markup of ``tests/helpers/markup.py`` and what its figure links to. ``title``:
    the document's first lines (title, byline) when not "Nghe An news" ("Tin Nghệ An");
    ``undated``: read as a document without a publication date."""

    text: Text
    expect: Expectation
    title: Text | None = None
    undated: bool = False


class MarkerExamples(Strict):
    """Sentences where the phrase changes what a figure links to (``pos``), and sentences like
    them without it, or where it does not count (``neg``)."""

    pos: list[MarkerExample] = Field(min_length=1)
    neg: list[MarkerExample] = Field(min_length=1)


class Marker(Strict):
    """A marker phrase with its examples; a word written [a|b] is optional. ``opens``: the
    phrase counts only where it opens its sentence ("Of the total, …", not "… 5.9% of the total,
    …"): after the text's start, a line break or a sentence's closing mark."""

    phrase: Text
    examples: MarkerExamples
    opens: bool = False


class Markers(Strict):
    """A marker list: its phrases in each language, each with its examples."""

    en: list[Marker] = Field(default_factory=list)
    vi: list[Marker] = Field(default_factory=list)

    def phrases(self, lang: str) -> list[str]:
        """The phrases of ``lang``."""
        markers: list[Marker] = getattr(self, lang)
        return [marker.phrase for marker in markers]


class MergedGap(Strict):
    """Single words that may stand between a ``merged_from`` phrase and the first unit it names
    (``first``), and between the units (``next``; commas and "&" always may)."""

    first: Cues = Field(default_factory=Cues)
    next: Cues = Field(default_factory=Cues)


class FirstYears(Strict):
    """The bank's first years a paragraph's comparison may name to review its life
    (``when._compared_with_first_years``): how many years from the founding year, and how many
    years at least before the report's day that year must lie."""

    width: int = Field(default=2, gt=0)
    least_gap: int = Field(default=5, gt=1)


class FundedFrom(Strict):
    """Words right before a capital cue that make it the money's source, not its noun ("dư nợ
    cho vay từ nguồn vốn …": loans from that capital are still loans), and the capital
    indicators whose cues they bind."""

    words: Cues = Field(default_factory=Cues)
    indicators: list[str] = Field(default_factory=list)


class Reach(Strict):
    """A distance in characters for each language: each writes a phrase at its own length."""

    en: int = Field(ge=0)
    vi: int = Field(ge=0)


class LevelAmount(Strict):
    """The least and the most a level of the bank may be, in đồng (``level_amount``)."""

    least: int = Field(gt=0)
    most: int = Field(gt=0)
    # Under the least, a number written without a scale word below this is cut off before it
    # ("VND 2,014"); a longer one ("VND 980,000") is the small amount the writer meant.
    cut_below: int = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> LevelAmount:
        if self.least >= self.most:
            raise ValueError(f"level_amount: least ({self.least}) must be below most ({self.most})")
        if self.cut_below > self.least:
            raise ValueError(f"level_amount: cut_below ({self.cut_below}) must not exceed least ({self.least})")
        return self


class OneTotal(Strict):
    """``one_total`` of ``rules/linking.yaml``: how far apart two totals of one indicator, place
    and date must be for the smaller to be a share of the larger, not the same total restated."""

    # A smaller value at or above this share of the largest is the same total said again.
    near_ratio: float = Field(gt=0, lt=1)


class Reaches(Strict):
    """``reaches`` of ``rules/linking.yaml``: how far a phrase may stand from what it qualifies,
    by the words a language writes between them (what each bounds: comments in the file)."""

    since: Reach
    restated_rate: Reach
    anniversary: Reach
    plan_year: Reach
    plan_met: Reach
    plan_horizon: Reach
    lead_in_issuer: Reach
    plan_name: Reach
    blocker: Reach
    borrower_name: Reach
    kin: Reach
    clause_opener: Reach
    list_opener_end: Reach
    list_opener_start: Reach
    group: Reach
    lent_group: Reach
    source: Reach
    venue: Reach
    venue_gap: Reach
    branch_venue: Reach
    programme: Reach
    rank: Reach
    whole: Reach
    one_loan: Reach
    area: Reach
    near_office: Reach
    district_name: Reach
    sentence_opener: Reach
    paragraph_opener: Reach
    date_opener: Reach
    count: Reach
    item_name: Reach
    respective_list: Reach
    counted_kind: Reach
    baseline: Reach
    ranking: Reach
    credit_cause: Reach
    credit_blocker: Reach
    credit_frame: Reach
    rate_year: Reach
    topic_name: Reach
    headline: Reach
    wire_line: Reach
    national_lead: Reach
    change_cause: Reach
    aside: Reach
    verb_before: Reach
    same_period: Reach
    year_so_far_joined: Reach
    bracket_gap: Reach
    bank_borrows: Reach
    to_now: Reach
    reviewed_date: Reach
    area_seat: Reach

    def by_language(self) -> dict[str, dict[str, int]]:
        """``{lang: {reach name: characters}}``, as linking looks them up (``Context.reach``)."""
        return {lang: {name: getattr(reach, lang) for name, reach in self} for lang in ("en", "vi")}


class LinkRules(Strict):
    """``rules/linking.yaml``: every marker list has English and Vietnamese phrases."""

    version: Literal[1]
    national: Markers
    bank: Markers
    province_ref: Markers
    target: Markers
    comparison: Markers
    since: Markers
    until: Markers
    to_now: Markers
    present: Markers
    flow: Markers
    blockers: Markers
    # Longer phrases holding a blocker's words that measure something of ours all the same
    # ("cấp bù lãi suất": capital whose interest the centre makes up; no interest rate).
    blockers_not: Markers = Field(default_factory=Markers)
    date_binders: Markers
    breakdown: Markers
    programme: Markers
    awards: Markers
    # Vague counts that name an order of magnitude ("tens of thousands"): the only ones that are levels.
    vague_orders: Markers = Field(default_factory=Markers)
    oversight: Markers = Field(default_factory=Markers)
    restatement: Markers
    place_binders: Markers
    comparison_dated: Markers
    decrease: Markers
    anecdote: Markers
    reporting: Markers = Field(default_factory=Markers)
    merged_from: Markers = Field(default_factory=Markers)
    change_from: Markers = Field(default_factory=Markers)
    pair_binders: Markers = Field(default_factory=Markers)
    anniversary: Markers = Field(default_factory=Markers)
    previous_year: Markers = Field(default_factory=Markers)
    level_ref: Markers = Field(default_factory=Markers)
    level_ref_other: Markers = Field(default_factory=Markers)
    contrast_joins: Markers = Field(default_factory=Markers)
    one_group: Markers = Field(default_factory=Markers)
    one_group_named: Markers = Field(default_factory=Markers)
    same_period_before: Markers = Field(default_factory=Markers)
    year_so_far_lead: Markers = Field(default_factory=Markers)
    same_period_named: Markers = Field(default_factory=Markers)
    over_years: Markers = Field(default_factory=Markers)
    year_span: Markers = Field(default_factory=Markers)
    baseline_after: Markers = Field(default_factory=Markers)
    one_year: Markers = Field(default_factory=Markers)
    place_openers: Markers = Field(default_factory=Markers)
    paragraph_openers: Markers = Field(default_factory=Markers)
    change_to: Markers = Field(default_factory=Markers)
    level_from: Markers = Field(default_factory=Markers)
    from_to_verbs: Markers = Field(default_factory=Markers)
    borrower_list: Markers = Field(default_factory=Markers)
    per_year: Markers = Field(default_factory=Markers)
    respectively: Markers = Field(default_factory=Markers)
    negated: Markers = Field(default_factory=Markers)
    one_loan: Markers = Field(default_factory=Markers)
    one_loan_after: Markers = Field(default_factory=Markers)
    lending_verbs: Markers = Field(default_factory=Markers)
    causative_verbs: Markers = Field(default_factory=Markers)
    holding_verbs: Markers = Field(default_factory=Markers)
    level_verbs: Markers = Field(default_factory=Markers)
    change_cause: Markers = Field(default_factory=Markers)
    per_period: Markers = Field(default_factory=Markers)
    past_years: Markers = Field(default_factory=Markers)
    past_years_lead: Markers = Field(default_factory=Markers)
    past_years_approx: Markers = Field(default_factory=Markers)
    last_year: Markers = Field(default_factory=Markers)
    not_last_year: Markers = Field(default_factory=Markers)
    this_year: Markers = Field(default_factory=Markers)
    since_founding: Markers = Field(default_factory=Markers)
    founded: Markers = Field(default_factory=Markers)
    projection: Markers = Field(default_factory=Markers)
    reviewed: Markers = Field(default_factory=Markers)
    whole_year: Markers = Field(default_factory=Markers)
    holding_cues: Markers = Field(default_factory=Markers)
    not_holding: Markers = Field(default_factory=Markers)
    years_counted: Markers = Field(default_factory=Markers)
    founding: Markers = Field(default_factory=Markers)
    share_of_baseline: Markers = Field(default_factory=Markers)
    credit_cause: Markers = Field(default_factory=Markers)
    credit_blocker: Markers = Field(default_factory=Markers)
    credit_frame: Markers = Field(default_factory=Markers)
    denominator: Markers = Field(default_factory=Markers)
    plan_met: Markers = Field(default_factory=Markers)
    programme_lead_in: Markers = Field(default_factory=Markers)
    plan_horizon: Markers = Field(default_factory=Markers)
    plan_name: Markers = Field(default_factory=Markers)
    plan_share: Markers = Field(default_factory=Markers)
    compared_level: Markers = Field(default_factory=Markers)
    compared_plan: Markers = Field(default_factory=Markers)
    graded: Markers = Field(default_factory=Markers)
    forecast: Markers = Field(default_factory=Markers)
    goal_verbs: Markers = Field(default_factory=Markers)
    time_ahead: Markers = Field(default_factory=Markers)
    time_ahead_done: Markers = Field(default_factory=Markers)
    time_ahead_purpose: Markers = Field(default_factory=Markers)
    ranking: Markers = Field(default_factory=Markers)
    national_network: Markers = Field(default_factory=Markers)
    capital_item: Markers = Field(default_factory=Markers)
    # The totals a breakdown of ``capital_item`` items may follow, each with the indicator the
    # items take (the loans stated for the capital that funds them).
    capital_item_totals: dict[str, str] = Field(default_factory=dict)
    year_before: Markers = Field(default_factory=Markers)
    year_before_named: Markers = Field(default_factory=Markers)
    merged_gap: MergedGap = Field(default_factory=MergedGap)
    date_article: Cues
    stamp_words: list[str] = Field(default_factory=list)
    # Words naming a place's kind that may follow its name at a sentence's end ("… in Lao Cai
    # province."; ``parts._province_closes_sentence``).
    place_kind_after: Cues = Field(default_factory=Cues)
    funded_from: FundedFrom = Field(default_factory=lambda: FundedFrom())
    # The words alone a change may stand after, past the comma that follows a count paired with an
    # amount, for that change to move the amount (extractor/link/change.py, _paired_borrowers).
    paired_change_words: Cues = Field(default_factory=Cues)
    bank_founded: dt.date
    # The ``past_years`` phrases that count the bank's own years of work ("years of operation"):
    # one naming the year after its first full year counts from that first year (_years_back).
    past_years_life: list[str] = Field(default_factory=list)
    founding_past_years: int = Field(gt=0)
    first_years: FirstYears = Field(default_factory=lambda: FirstYears())
    # The fewest years an exact count of the bank's past years must hold to date a text that gives
    # no date at all (``lifetime_date``): fewer are a plan's term ("the past 5 years"), not its age.
    lifetime_count_least: int = Field(gt=0)
    # How many days a year-to-date period named earlier may end from a flow's stated day and still
    # frame that flow as the year so far (``when._year_so_far``): a week, not a month.
    year_so_far_slack_days: int = Field(ge=0, le=31)
    reaches: Reaches
    # The largest amount in đồng one borrower's loan may be (``one_loan``): a larger amount after
    # "was lent" is what a programme or a district was lent, not one loan.
    one_loan_max: int = Field(gt=0)
    # The currency the bank keeps its books in, as a money figure's unit starts ("VND", "VND/hộ"):
    # an amount in another currency set in brackets beside one in it restates that amount for
    # foreign readers (``status.is_conversion``).
    home_currency: str = Field(pattern=r"^[A-Z]{3}$")
    # The marks that join a count of borrowers to the amount right before it, as ``pair_binders``'
    # words do ("nợ quá hạn 5 tỷ đồng/210 khách hàng", "VND 5 billion, involving 210 customers"):
    # the amount's borrowers, not a whole of their own (``indicator._borrowers_after``).
    borrower_joiners: list[Annotated[str, Field(min_length=1, max_length=1)]] = Field(min_length=1)
    # The amounts in đồng a level of the bank may be (``level_amount``): below, a price or a number
    # cut off before its scale word; above, a scale slip no branch or bank could hold.
    level_amount: LevelAmount
    # How far apart two totals of one indicator, place and date are two facts (``smaller_shares``).
    one_total: OneTotal
    # At most this many words between an indicator's cue and the from-to pair it governs
    # ("giảm dần, từ 1,4% … xuống còn 0,07%"; extractor/link/indicator.py, ``_starts_from``).
    from_to_lead_words: int = Field(gt=0)

    @model_validator(mode="after")
    def _life_is_past_years(self) -> LinkRules:
        known = set(self.past_years.phrases("en") + self.past_years.phrases("vi"))
        unknown = [p for p in self.past_years_life if p not in known]
        if unknown:
            raise ValueError(f"past_years_life: not past_years phrases: {unknown}")
        return self


SCOPE_LISTS = ("bank_topic", "branch", "branch_after", "other_institution", "other_document", "whole_bank",
               "national_baseline", "venue", "meeting")


class PhraseExample(MarkerExample):
    """An example of a phrase of ``rules/scope.yaml`` or ``rules/parts.yaml``; ``xfail`` names the
    cause of a known failure (a strict xfail: the test turns red once it is fixed)."""

    xfail: str | None = Field(default=None, min_length=1)


class PhraseExamples(Strict):
    """Sentences where the phrase decides what its list is for (``pos``), and near misses where
    it is absent or does not count (``neg``)."""

    pos: list[PhraseExample] = Field(min_length=1)
    neg: list[PhraseExample] = Field(min_length=1)


class RulePhrase(Strict):
    """A phrase of ``rules/scope.yaml`` or ``rules/parts.yaml`` with its examples; a word written
    [a|b] is optional."""

    phrase: Text
    examples: PhraseExamples


class RulePhrases(Strict):
    """A phrase list: its phrases in each language, each with its examples."""

    en: list[RulePhrase] = Field(default_factory=list)
    vi: list[RulePhrase] = Field(default_factory=list)

    def phrases(self, lang: str) -> list[str]:
        """The phrases of ``lang``."""
        entries: list[RulePhrase] = getattr(self, lang)
        return [entry.phrase for entry in entries]


class PhraseList(NamedTuple):
    """A phrase list of ``rules/scope.yaml`` or ``rules/parts.yaml``: its name in the phrase
    index, its place in the file (for line numbers) and its phrases."""

    name: str
    path: tuple[str, ...]
    phrases: RulePhrases


class ScopeRules(Strict):
    """``rules/scope.yaml``: phrase lists with examples; ``branch_gap`` and ``venue_gap`` hold glue
    words only."""

    version: int = Field(ge=1, le=1)
    bank_topic: RulePhrases
    branch: RulePhrases
    branch_after: RulePhrases
    branch_gap: Cues
    other_institution: RulePhrases
    # Bodies that often work with the bank or describe it (the labour department, the World Bank,
    # microfinance): named in a text that never names the bank, it is not about the bank; never
    # the owner of one figure (``scope.about_the_bank``).
    other_document: RulePhrases = Field(default_factory=RulePhrases)
    whole_bank: RulePhrases
    national_baseline: RulePhrases
    cited_document: dict[LegalKind, RulePhrases] = Field(default_factory=dict)
    venue: RulePhrases
    meeting: RulePhrases
    venue_gap: Cues
    national_scale: dict[str, int] = Field(default_factory=dict)
    # Counts no province reaches, read only for the document's scope, never one figure's place
    # (a city's pupils may number millions; the bank's student borrowers never do in one province).
    national_scale_document: dict[str, int] = Field(default_factory=dict)
    # Amounts no province reaches, read for the document's scope only and only in a sentence naming
    # the bank (dollars: an economy's exports are larger, with no bank in them).
    national_scale_bank: dict[str, int] = Field(default_factory=dict)
    # Words of the bank's money ("credit", "loans", "capital") that make a dollar sum in their
    # clause the bank's own, for ``national_scale_bank``. Not phrases the linker looks for.
    bank_money: Cues = Field(default_factory=Cues)
    # Words before a transaction office's words that make them many offices ("các Phòng giao
    # dịch NHCSXH <tỉnh>"): all the offices of that province's branch, no one office.
    office_plural: Cues = Field(default_factory=Cues)
    # Words in a transaction office's own clause before it that make it no one who reports the
    # figure after it (a venue, a visit, an addressee, a companion, a comparison), the words of
    # ``office_aside_not`` that hold one aside ("hiện tại": now), and the words of another body of
    # the bank that take the report over after a clause break. Not phrases the linker looks for.
    office_aside: Cues = Field(default_factory=Cues)
    office_aside_not: Cues = Field(default_factory=Cues)
    office_other: Cues = Field(default_factory=Cues)
    # Words before a meeting word in its sentence that make a branch its host ("the branch held
    # a ceremony in <city>"), and words between the meeting word and a place that make the place
    # whose lending is told, not a venue ("to review lending to poor households in <province>").
    # Not phrases the linker looks for (``scope.held_in``).
    venue_host: Cues = Field(default_factory=Cues)
    venue_scoped: Cues = Field(default_factory=Cues)
    # Glue words between an area's word and the province named right after it ("… district of
    # <province>"): where the area lies (``parts._own_province``). Not phrases the linker looks for.
    area_seat_gap: Cues = Field(default_factory=Cues)
    # Verbs after a district's bare name opening a sentence that make it the sentence's subject
    # with figures of its own ("<name> ranks first with …"; ``parts.subject_districts``), and
    # bodies other than a part whose naming ends a part's topic (``parts._other_body``). Not
    # phrases the linker looks for.
    subject_verbs: Cues = Field(default_factory=Cues)
    subject_other: Cues = Field(default_factory=Cues)
    # Words no bare noun phrase of a second kind holds after a count's joining word (verbs
    # opening a predicate, words of quantity: ``parts._covers_joined``), and the words joining a
    # second recipient before a programme's name (``parts._programme_next``). Not phrases the
    # linker looks for.
    joined_not_kind: Cues = Field(default_factory=Cues)
    second_recipient: Cues = Field(default_factory=Cues)
    # Words right before a name of the bank that make it the borrower of another institution's
    # loans ("ADB's loans to the VBSP"): the figure that name would govern is the lender's
    # (``scope._institution``). Not phrases the linker looks for; each with its examples.
    bank_borrows: RulePhrases = Field(default_factory=RulePhrases)


def load_scope_rules(path: Path) -> ScopeRules:
    """``rules/scope.yaml`` validated (bad entries reported as file:line)."""
    rf = read_rule_file(path)
    rules = validate_rule_file(rf, ScopeRules)
    raise_problems(_list_problems(rf, scope_phrase_lists(rules)))
    return rules


_BRANCH_GAP = r"(?:[^\S\n]|[,:(])*"  # spaces but a line break, commas, colons, brackets


def gap_regexes(rules: ScopeRules) -> dict[str, re.Pattern[str]]:
    """Per language, what may stand between a branch and the province it names: spaces,
    punctuation and at most two ``branch_gap`` words, on one line (a headline ending in "policy
    credit" does not make the place that opens the lead the branch's)."""
    out = {}
    for lang in ("en", "vi"):
        words = "|".join(re.escape(w) for w in getattr(rules.branch_gap, lang))
        middle = rf"(?:(?:{words}){_BRANCH_GAP}){{0,2}}" if words else ""
        out[lang] = re.compile(rf"{_BRANCH_GAP}{middle}", re.IGNORECASE)
    return out


def venue_gap_regexes(rules: ScopeRules) -> dict[str, re.Pattern[str]]:
    """Per language, the words that end right before a meeting's venue ("in", "tại"), with the
    spaces after them: searched up to a place's start (``scope.meeting_venues``)."""
    out = {}
    for lang in ("en", "vi"):
        words = "|".join(re.escape(w) for w in sorted(getattr(rules.venue_gap, lang), key=len, reverse=True))
        out[lang] = re.compile(rf"(?<!\w)(?:{words})\s+\Z" if words else r"(?!)", re.IGNORECASE)
    return out


def scope_list(name: str) -> str:
    """The phrase index's name of a scope list (kept apart from rules/linking.yaml's lists)."""
    return f"scope:{name}"


def scope_phrase_lists(scope: ScopeRules) -> list[PhraseList]:
    """The phrase lists of ``rules/scope.yaml`` (``cited:<kind>`` for the words that refer back
    to a cited document of that kind)."""
    lists = [PhraseList(scope_list(name), (name,), getattr(scope, name)) for name in SCOPE_LISTS]
    return lists + [PhraseList(f"cited:{kind}", ("cited_document", kind), phrases)
                    for kind, phrases in scope.cited_document.items()]


# Kinds of part named by cue words before a figure, in the order a clause naming two is read: a kind
# of area ("the poor districts") before a group, whose words it may hold ("ethnic-minority areas").
PART_KINDS = ("programme", "channel", "area", "group", "source", "average")
TopicKind = Literal["programme", "channel", "group"]  # what a document may be about alone
# The plain phrase lists of rules/parts.yaml, each read under its own name (``part_phrase_lists``).
PART_WORD_LISTS = ("total", *PART_KINDS, "district_bank", "district_ref", "city_ref", "district_unit_ref",
                   "district_unit_ref_not", "regions", "rank", "share", "share_whole_refs", "counted_kinds",
                   "programme_items",
                   "outcome_kinds", "outcome_kinds_paired", "split_openers", "split_joins", "commune_words",
                   "commune_ref", "commune_ref_not", "region_ref", "area_numbered", "office_after", "bank_unit_words",
                   "visit", "channel_names", "channel_entrusted", "channel_entrusted_not", "lent_to", "union_holds",
                   "group_subject", "part_openers", "opener_whole", "opener_subjects", "opener_programmes")


class AreaWords(Strict):
    """Words that make a capitalised name beside them an area: before it or after it."""

    before: RulePhrases = Field(default_factory=RulePhrases)
    after: RulePhrases = Field(default_factory=RulePhrases)
    # A plural after several names joined by commas or a ``split_joins`` word ("Tan Ky and Con
    # Cuong districts"): one area of them all (``parts.find_areas``), read name by name by a
    # "respectively" list (``parts.respective_area``).
    plural_after: RulePhrases = Field(default_factory=RulePhrases)


class PartRules(Strict):
    """``rules/parts.yaml``: phrase lists with examples."""

    version: int = Field(ge=1, le=1)
    total: RulePhrases
    programme: RulePhrases
    channel: RulePhrases
    # The mass organisations' own names ("Hội Nông dân", "Đoàn Thanh niên"): after a breakdown
    # word, an item of its list that names one before its figure is that union's part, though no
    # "qua"/"do" joins it ("trong đó, Hội Nông dân 410 tỷ đồng, Hội Phụ nữ 380 tỷ đồng").
    channel_names: RulePhrases = Field(default_factory=RulePhrases)
    # The loans entrusted to the unions as a whole, named without "qua …" ("dư nợ ủy thác"): a
    # channel part, unless a longer channel cue holds its words.
    channel_entrusted: RulePhrases = Field(default_factory=RulePhrases)
    # Words after those that name the capital the province or district entrusts to the bank
    # ("từ ngân sách địa phương"): the entrusted loans are then that source's, no channel's.
    channel_entrusted_not: RulePhrases = Field(default_factory=RulePhrases)
    # Kinds of area named without a name ("các huyện nghèo", "remote areas"): a figure they name is
    # that kind of area's share of its place's total.
    area: RulePhrases = Field(default_factory=RulePhrases)
    group: RulePhrases
    average: RulePhrases
    source: RulePhrases
    district_bank: RulePhrases
    # Words that speak of the district a report is about without naming it ("toàn huyện", "the
    # district's").
    district_ref: RulePhrases = Field(default_factory=RulePhrases)
    # Words that speak of a city without naming it ("toàn thành phố", "the whole city"): the one
    # city inside its province that a text names with the same word (``parts.city_refs``), as
    # ``district_ref`` speaks of a district; a centrally run city's text speaks so of the province.
    city_ref: RulePhrases = Field(default_factory=RulePhrases)
    # The bank's own unit in the district named without the district's name ("the district VBSP"),
    # and the words after it that make it another noun phrase ("… transaction offices", "… level").
    district_unit_ref: RulePhrases = Field(default_factory=RulePhrases)
    district_unit_ref_not: RulePhrases = Field(default_factory=RulePhrases)
    regions: RulePhrases = Field(default_factory=RulePhrases)
    # Words referring back to the region a text named ("in the region", "the region's").
    region_ref: RulePhrases = Field(default_factory=RulePhrases)
    # Kinds of area a city numbers ("Quận 8", "District 8", "Ward 3"): the word and its number
    # name the area.
    area_numbered: RulePhrases = Field(default_factory=RulePhrases)
    # Words after a name that make it the bank's office of that area ("Tan Phu branch of the").
    office_after: RulePhrases = Field(default_factory=RulePhrases)
    # Words that make a name before ``office_after`` a unit of the bank's own ("the Internal Audit
    # Office of the"), no area.
    bank_unit_words: RulePhrases = Field(default_factory=RulePhrases)
    # Words of a visit ("học tập kinh nghiệm tại", "a study tour to"): the districts after them
    # in their sentence are where someone went, no evidence of the text's province.
    visit: RulePhrases = Field(default_factory=RulePhrases)
    rank: RulePhrases = Field(default_factory=RulePhrases)
    share: RulePhrases = Field(default_factory=RulePhrases)
    # Words after a share's percent that speak of the whole without naming it ("of the total").
    share_whole_refs: RulePhrases = Field(default_factory=RulePhrases)
    # Words that, inside a count's own counted noun, name a kind of household ("900 hộ nghèo"): an
    # item of a breakdown of that kind.
    counted_kinds: RulePhrases = Field(default_factory=RulePhrases)
    # A programme named by whom or what it lends to, as the later items of a "respectively" list
    # of programmes name theirs ("loans for poor households, near-poor households and students"):
    # read there only (``parts.respective_programme``).
    programme_items: RulePhrases = Field(default_factory=RulePhrases)
    # Words that, from an outcome's counted noun on ("căn nhà ở xã hội", "storm-proof houses"),
    # name the programme a count of that outcome is of: a part, as are its siblings of the sentence.
    outcome_kinds: RulePhrases = Field(default_factory=RulePhrases)
    # Such words that name a kind only beside another count of the outcome in the sentence (the
    # outcome split by kind): alone, the count is the outcome's total.
    outcome_kinds_paired: RulePhrases = Field(default_factory=RulePhrases)
    # Words after a count that open the list of its own items ("gồm", "comprising"): the count is
    # the whole of the counts after it, none of their siblings.
    split_openers: RulePhrases = Field(default_factory=RulePhrases)
    # Words joining two items of one list ("và", "and"): counts of one outcome joined by them (or
    # by a comma) are siblings of one split.
    split_joins: RulePhrases = Field(default_factory=RulePhrases)
    # Words of lending itself before a group's name ("cho vay", "loans to"): an item opening with
    # them and the group names that group's loans; a verb of paying out or collecting ("giải ngân
    # cho", "thu nợ") before a group keeps its own indicator.
    lent_to: RulePhrases = Field(default_factory=RulePhrases)
    # Words after a union's name saying it holds the entrusted loans that follow ("quản lý",
    # "manages"): in a breakdown of the loans entrusted to the unions, only an amount the union
    # holds is its share; one it gives or supports ("hỗ trợ 150 triệu đồng") is not.
    union_holds: RulePhrases = Field(default_factory=RulePhrases)
    # Words right before a group's name in a headline or lead that make the group the borrowers
    # the document reports on ("cho vay", "khách hàng là", "lending to"): a group topic.
    group_subject: RulePhrases = Field(default_factory=RulePhrases)
    # Words opening a sentence that put it under the part they name before its first figure's
    # clause ("Đối với chương trình cho vay HSSV, …", "For ethnic minority households, …").
    part_openers: RulePhrases = Field(default_factory=RulePhrases)
    # Words after such an opener's comma that end its reach: the branch's or province's whole
    # ("across the province", beside ``topic_whole``), and a subject of its own after a semicolon
    # ("chi nhánh", "the branch", beside the bank's name).
    opener_whole: RulePhrases = Field(default_factory=RulePhrases)
    opener_subjects: RulePhrases = Field(default_factory=RulePhrases)
    # Words heading what a part opener names that make it programmes, whoever they lend to ("Đối
    # với các chương trình phục vụ người Mông ở vùng cao, …": those programmes' figures).
    opener_programmes: RulePhrases = Field(default_factory=RulePhrases)
    area_words: AreaWords
    # Words naming a commune, ward or township, not a district ("xã", "commune"): the name beside
    # them tells no province by rules/districts.yaml (a commune may bear a district's name).
    commune_words: RulePhrases = Field(default_factory=RulePhrases)
    # Words speaking of a commune named before without naming it ("toàn xã", "the commune's"), and
    # longer words that only begin like them ("xã hội").
    commune_ref: RulePhrases = Field(default_factory=RulePhrases)
    commune_ref_not: RulePhrases = Field(default_factory=RulePhrases)
    # Words naming what the items of a list opened by a colon are ("các chương trình cho vay:
    # Hộ nghèo …; …"), by the kind of part each item is.
    list_openers: dict[PartKind, RulePhrases] = Field(default_factory=dict)
    # Nouns that name the items so only when counted ("3 chương trình: …"): alone the noun names
    # one part, whose own figures may follow its colon.
    list_counts: dict[PartKind, RulePhrases] = Field(default_factory=dict)
    # Words that open a list's items as a colon does ("programs such as …").
    list_starts: RulePhrases = Field(default_factory=RulePhrases)
    # Words right before a list's colon saying its items are examples of what the opener named
    # ("Nhiều địa phương trong tỉnh giải ngân nhanh như: …"): the opener may then be the clause's subject,
    # farther from the colon.
    list_examples: RulePhrases = Field(default_factory=RulePhrases)
    # Words of a list's lead-in saying its items are how much each part moved ("Dư nợ tăng
    # trưởng chủ yếu ở các chương trình: …"): changes, no levels.
    list_moves: RulePhrases = Field(default_factory=RulePhrases)
    # Words that join an item's name to its figure ("job creation of VND 48 billion"), no part of
    # the name.
    list_glue: RulePhrases = Field(default_factory=RulePhrases)
    # Words that join an item's figure to its name after it ("VND 25 billion for housing"),
    # when the item opens with its figure.
    list_glue_after: RulePhrases = Field(default_factory=RulePhrases)
    # Words that, right after such a word, open a time, an order or a whole rather than a part's
    # name ("VND 46 billion for the first time"): the item names no part.
    list_glue_after_not: RulePhrases = Field(default_factory=RulePhrases)
    # Words that name, in a headline or lead, the one programme or channel a document is about
    # ("Women's Union", "Hội Nông dân"), beside the cues of ``programme`` and ``channel``.
    topic: dict[TopicKind, RulePhrases] = Field(default_factory=dict)
    # Words of the branch's or bank's whole ("toàn chi nhánh", "of all programmes"): in the
    # headline or lead, the document is no one programme's; in a sentence, its figures are totals.
    topic_whole: RulePhrases = Field(default_factory=RulePhrases)
    # Words by which a sentence speaks of the document's programme or channel without its name
    # ("this programme", "hội viên"): a figure is the topic's only when its sentence names it or
    # says one of these.
    topic_ref: dict[TopicKind, RulePhrases] = Field(default_factory=dict)
    # Words before a figure that make it the branch's or bank's whole ("its", "của chi nhánh",
    # "across the province"), unless the topic is named again between them and the figure.
    topic_owner: RulePhrases = Field(default_factory=RulePhrases)
    # The indicators whose figures a programme's or channel's document files as its parts (its
    # lending; capital and outcomes stay what they are).
    topic_indicators: list[str] = Field(default_factory=list)
    # The outcomes a group's document files as the group's parts beside its lending (households
    # out of poverty, jobs, students, works, houses): what the loans did for that group.
    group_topic_outcomes: list[str] = Field(default_factory=list)
    # The indicators of a debt's state (overdue, frozen): a cue of theirs in an amount's clause
    # names what the amount is, the numerator of a rate, when the amount is stated as a share of
    # the loans (a borrower group's or channel's noun does not: that amount is a part).
    rate_numerators: list[str] = Field(default_factory=list)
    # The loan indicators an amount stated as a bare share may take from the total before it: a
    # cue of one of them gives way to the total's, another indicator's cue (capital) keeps its own.
    bare_share_indicators: list[str] = Field(default_factory=list)
    channel_subject: ChannelSubject = Field(default_factory=lambda: ChannelSubject())


class ChannelSubject(Strict):
    """Channel phrases that name a union only as who acts ("các cấp Hội …"): a figure is that
    channel's part only when one of ``verbs`` (lending through it, managing loans) follows the
    phrase before the figure, with none of ``not_between`` (a reporting verb, the bank as the
    subject) between the phrase and the verb."""

    phrases: list[str] = Field(default_factory=list)
    verbs: Cues = Field(default_factory=Cues)
    not_between: Cues = Field(default_factory=Cues)
    # Words after a document's union named in its lead by which the lead's figure is not the
    # union's: it only reports it, or the branch states it (``parts._names_for``).
    reported: Cues = Field(default_factory=Cues)


# The lists of indicator codes of rules/parts.yaml: each names indicators of rules/indicators.yaml.
PART_CODE_LISTS = ("topic_indicators", "group_topic_outcomes", "rate_numerators", "bare_share_indicators")


def load_part_rules(path: Path, *, codes: Collection[str] | None = None) -> PartRules:
    """``rules/parts.yaml`` validated (bad entries reported as file:line, and an indicator that
    is none of ``codes``, rules/indicators.yaml's, when given)."""
    rf = read_rule_file(path)
    rules = validate_rule_file(rf, PartRules)
    named = [((name, i), code) for name in PART_CODE_LISTS for i, code in enumerate(getattr(rules, name))]
    raise_problems(_list_problems(rf, part_phrase_lists(rules)) + code_problems(rf, named, codes))
    return rules


def part_list(name: str) -> str:
    """The phrase index's name of a parts list."""
    return f"parts:{name}"


LIST_STARTS = part_list("list_starts")  # the phrase index's name of the words a list's items follow
LIST_MOVES = part_list("list_moves")  # … of the words saying its items are changes
LIST_EXAMPLES = part_list("list_examples")  # … of the words before a colon saying its items are examples
LIST_GLUE = part_list("list_glue")  # … and of those joining an item's name to its figure
LIST_GLUE_AFTER = part_list("list_glue_after")  # … and its figure to the name after it
LIST_GLUE_AFTER_NOT = part_list("list_glue_after_not")  # … and the words after it that open no name


def part_phrase_lists(parts: PartRules) -> list[PhraseList]:
    """The phrase lists of ``rules/parts.yaml`` (``area_before``/``area_after``: the area words;
    ``list:<kind>``: the words opening a list of parts of that kind; ``count:<kind>``: the nouns
    whose count does; ``list_starts``: the words a list's items follow; ``list_moves``: the
    words saying they are changes; ``list_glue``: those joining an item's name to its figure;
    ``list_glue_after``: those joining an item's figure to the name after it;
    ``list_glue_after_not``: those after such a word that open no name)."""
    lists = [PhraseList(part_list(name), (name,), getattr(parts, name)) for name in PART_WORD_LISTS]
    lists += [PhraseList(part_list(f"area_{side}"), ("area_words", side), getattr(parts.area_words, side))
              for side in ("before", "after", "plural_after")]
    lists += [PhraseList(list_opener(kind), ("list_openers", kind), phrases)
              for kind, phrases in parts.list_openers.items()]
    lists += [PhraseList(list_count(kind), ("list_counts", kind), phrases)
              for kind, phrases in parts.list_counts.items()]
    lists += [PhraseList(topic_list(kind), ("topic", kind), phrases) for kind, phrases in parts.topic.items()]
    lists += [PhraseList(topic_ref_list(kind), ("topic_ref", kind), phrases)
              for kind, phrases in parts.topic_ref.items()]
    lists.append(PhraseList(part_list("topic_whole"), ("topic_whole",), parts.topic_whole))
    lists.append(PhraseList(part_list("topic_owner"), ("topic_owner",), parts.topic_owner))
    return [*lists, PhraseList(LIST_STARTS, ("list_starts",), parts.list_starts),
            PhraseList(LIST_MOVES, ("list_moves",), parts.list_moves),
            PhraseList(LIST_EXAMPLES, ("list_examples",), parts.list_examples),
            PhraseList(LIST_GLUE, ("list_glue",), parts.list_glue),
            PhraseList(LIST_GLUE_AFTER, ("list_glue_after",), parts.list_glue_after),
            PhraseList(LIST_GLUE_AFTER_NOT, ("list_glue_after_not",), parts.list_glue_after_not)]


def list_opener(kind: str) -> str:
    """The phrase index's name of the words opening a list of parts of ``kind``."""
    return part_list(f"list:{kind}")


def topic_list(kind: str) -> str:
    """The phrase index's name of the words naming a document's one programme or channel."""
    return part_list(f"topic:{kind}")


def topic_ref_list(kind: str) -> str:
    """The phrase index's name of the words by which a sentence speaks of a document's one
    programme or channel ("this programme", "hội viên")."""
    return part_list(f"topic_ref:{kind}")


def list_count(kind: str) -> str:
    """The phrase index's name of the nouns whose count opens a list of parts of ``kind``."""
    return part_list(f"count:{kind}")


def part_lists(parts: PartRules, lang: str) -> dict[str, list[str]]:
    """The phrase lists of ``rules/parts.yaml`` under their index names."""
    return {entry.name: entry.phrases.phrases(lang) for entry in part_phrase_lists(parts)}


def _list_problems(rf: RuleFile, lists: list[PhraseList]) -> list[str]:
    """A phrase that does not start with a word, or repeats an earlier one of its list: phrases
    match ignoring case, so only the first of two such is ever the phrase that matched."""
    problems = []
    for entry in lists:
        for lang in ("en", "vi"):
            seen: dict[str, str] = {}
            for i, phrase in enumerate(entry.phrases.phrases(lang)):
                loc = (*entry.path, lang, i, "phrase")
                key = " ".join(new_tone(phrase).lower().split())
                if not first_word(phrase):
                    problems.append(rf.problem(loc, f"{phrase!r} must start with a word"))
                elif key in seen:
                    problems.append(rf.problem(loc, f"{phrase!r} repeats {seen[key]!r} (phrases match ignoring case)"))
                seen.setdefault(key, phrase)
    return problems


UnitGaps = dict[str, tuple[re.Pattern[str], re.Pattern[str]]]


@dataclass(frozen=True)
class Linker:
    """Everything linking needs, loaded and compiled once: one phrase index per language holds
    the marker lists of ``rules/linking.yaml`` and the cues of ``rules/indicators.yaml``."""

    lexicon: IndicatorLexicon
    gazetteer: Gazetteer
    index: dict[str, PhraseIndex]
    unit_gaps: UnitGaps  # see ``unit_gaps``
    outlets: Outlets
    scope: ScopeRules
    scope_gaps: dict[str, re.Pattern[str]]  # see ``scope.gap_regexes``
    reaches: dict[str, dict[str, int]]  # by language and name (``Reaches.by_language``)
    date_gaps: dict[str, re.Pattern[str]]  # see ``date_gaps``
    venue_gaps: dict[str, re.Pattern[str]]  # see ``venue_gap_regexes``
    one_loan_max: int  # see ``LinkRules.one_loan_max``
    home_currency: str  # see ``LinkRules.home_currency``
    borrower_joiners: tuple[str, ...]  # see ``LinkRules.borrower_joiners``
    bank_founded: dt.date  # ``bank_founded`` of rules/linking.yaml
    from_to_lead_words: int  # see ``LinkRules.from_to_lead_words``
    founding_past_years: int  # see ``LinkRules.founding_past_years``
    first_years_width: int  # ``LinkRules.first_years.width``
    first_years_least_gap: int  # ``LinkRules.first_years.least_gap``
    lifetime_count_least: int  # see ``LinkRules.lifetime_count_least``
    year_so_far_slack_days: int  # see ``LinkRules.year_so_far_slack_days``
    level_amount: tuple[int, int, int]  # ``LinkRules.level_amount``: least, most, cut_below
    near_total: float  # ``LinkRules.one_total.near_ratio``
    # Function words of each language (rules/language.yaml), lower case: a capitalised one of the
    # text's language opens a sentence ("In Hoang Mai town") and is no part of a name; another
    # language's may be one ("Cho Don": "cho" is Vietnamese for "for").
    function_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Numbers written as words in both languages (the lexicons' ``number_words``), lower case,
    # with their values: "ten years of implementing …" counts years as "20 năm thực hiện …" does.
    number_words: Mapping[str, int] = field(default_factory=dict)
    stamp_head: re.Pattern[str] = re.compile(r"\s*")  # see ``stamp_head``
    past_years_life: frozenset[str] = frozenset()  # see ``LinkRules.past_years_life``, lower case
    topic_indicators: frozenset[str] = frozenset()  # ``PartRules.topic_indicators``
    group_topic_outcomes: frozenset[str] = frozenset()  # ``PartRules.group_topic_outcomes``
    rate_numerators: frozenset[str] = frozenset()  # ``PartRules.rate_numerators``
    bare_share_indicators: frozenset[str] = frozenset()  # ``PartRules.bare_share_indicators``
    capital_items: Mapping[str, str] = field(default_factory=dict)  # ``LinkRules.capital_item_totals``
    # ``LinkRules.funded_from``: per language, a regex of the words ending a text before a cue;
    # and the capital indicators they bind.
    funded_from: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    funded_capital: frozenset[str] = frozenset()
    # Per language, the characters a match of ``funded_from`` holds before the spaces ending it,
    # at most: its longest word and the space before (``indicator._ends_funded``).
    funded_reach: Mapping[str, int] = field(default_factory=dict)
    paired_change: Mapping[str, re.Pattern[str]] = field(default_factory=dict)  # ``paired_change_regexes``
    # ``LinkRules.place_kind_after``, per language, case-folded.
    place_kind_after: Mapping[str, frozenset[str]] = field(default_factory=dict)
    channel_subject: ChannelSubject | None = None  # ``PartRules.channel_subject``
    chrome: Chrome = NO_CHROME  # page chrome before a headline (``TextRules.chrome``, ``parse.head``)
    # Per language and marker list, the phrases that count only where they open a sentence.
    openers: Mapping[str, Mapping[str, frozenset[str]]] = field(default_factory=dict)

    @classmethod
    def build(cls, lexicon: IndicatorLexicon, gazetteer: Gazetteer, rules: LinkRules,
              outlets: Outlets, scope: ScopeRules, parts: PartRules,
              function_words: Mapping[str, frozenset[str]] | None = None,
              number_words: Mapping[str, int] | None = None, chrome: Chrome = NO_CHROME) -> Linker:
        """Index every phrase set of each language."""
        markers = marker_lists(rules)
        index = {
            lang: PhraseIndex({**markers[lang], **scope_lists(scope, lang), **part_lists(parts, lang),
                               CUES_BEFORE: lexicon.phrases[(lang, "before")],
                               CUES_AFTER: lexicon.phrases[(lang, "after")]})
            for lang in ("en", "vi")
        }
        return cls(lexicon, gazetteer, index, unit_gaps(rules), outlets, scope, gap_regexes(scope),
                   rules.reaches.by_language(), date_gaps(rules), venue_gap_regexes(scope), rules.one_loan_max,
                   rules.home_currency, tuple(rules.borrower_joiners), rules.bank_founded,
                   function_words={lang: frozenset(w.lower() for w in words)
                                   for lang, words in (function_words or {}).items()},
                   number_words={w.lower(): n for w, n in (number_words or {}).items()}, stamp_head=stamp_head(rules),
                   topic_indicators=frozenset(parts.topic_indicators),
                   group_topic_outcomes=frozenset(parts.group_topic_outcomes),
                   rate_numerators=frozenset(parts.rate_numerators),
                   bare_share_indicators=frozenset(parts.bare_share_indicators), channel_subject=parts.channel_subject,
                   funded_from=funded_from(rules), funded_capital=frozenset(rules.funded_from.indicators),
                   funded_reach={lang: max(map(len, getattr(rules.funded_from.words, lang)), default=0) + 1
                                 for lang in ("en", "vi")},
                   capital_items=dict(rules.capital_item_totals),
                   paired_change=paired_change_regexes(rules),
                   place_kind_after={lang: frozenset(w.casefold() for w in getattr(rules.place_kind_after, lang))
                                     for lang in ("en", "vi")},
                   from_to_lead_words=rules.from_to_lead_words, founding_past_years=rules.founding_past_years,
                   first_years_width=rules.first_years.width, first_years_least_gap=rules.first_years.least_gap,
                   lifetime_count_least=rules.lifetime_count_least,
                   year_so_far_slack_days=rules.year_so_far_slack_days,
                   level_amount=(rules.level_amount.least, rules.level_amount.most,
                                 rules.level_amount.cut_below),
                   near_total=rules.one_total.near_ratio,
                   past_years_life=frozenset(p.lower() for p in rules.past_years_life), chrome=chrome,
                   openers=sentence_openers(rules))


def scope_lists(scope: ScopeRules, lang: str) -> dict[str, list[str]]:
    """The phrase lists of ``rules/scope.yaml`` under their index names."""
    return {entry.name: entry.phrases.phrases(lang) for entry in scope_phrase_lists(scope)}


def load_link_rules(path: Path | None = None, *, codes: Collection[str] | None = None) -> LinkRules:
    """``rules/linking.yaml`` (or ``path``) read and validated; a phrase that does not start with
    a word, and an indicator that is none of ``codes`` (rules/indicators.yaml's, when given), is
    reported with its line."""
    rf = read_rule_file(path or rules_dir() / "linking.yaml")
    rules = validate_rule_file(rf, LinkRules)
    named: list[tuple[tuple[object, ...], str]] = [(("funded_from", "indicators", i), code)
                                                   for i, code in enumerate(rules.funded_from.indicators)]
    named += [(("capital_item_totals", total), code) for total, capital in rules.capital_item_totals.items()
              for code in (total, capital)]
    raise_problems(_phrase_problems(rf, rules) + code_problems(rf, named, codes))
    return rules


def code_problems(rf: RuleFile, named: Sequence[tuple[tuple[object, ...], str]],
                  codes: Collection[str] | None) -> list[str]:
    """A problem for each indicator of ``named`` (where the file names it, and the code) that is
    none of ``codes``; none when ``codes`` is not given (the lexicon did not load)."""
    if codes is None:
        return []
    return [rf.problem(loc, f"{code!r} is no indicator code of rules/indicators.yaml")
            for loc, code in named if code not in codes]


def _phrase_problems(rf: RuleFile, rules: LinkRules) -> list[str]:
    return [
        rf.problem((name, lang, i, "phrase"), f"{phrase!r} must start with a word")
        for name in MARKER_LISTS for lang in ("en", "vi")
        for i, phrase in enumerate(getattr(rules, name).phrases(lang)) if not first_word(phrase)
    ]


def sentence_openers(rules: LinkRules) -> dict[str, dict[str, frozenset[str]]]:
    """The marker phrases that count only where they open a sentence (``Marker.opens``):
    ``{lang: {list name: phrases}}``, lists without such phrases left out."""
    found: dict[str, dict[str, frozenset[str]]] = {"en": {}, "vi": {}}
    for lang in found:
        for name in MARKER_LISTS:
            markers: list[Marker] = getattr(getattr(rules, name), lang)
            opening = frozenset(m.phrase for m in markers if m.opens)
            if opening:
                found[lang][name] = opening
    return found


def marker_lists(rules: LinkRules) -> dict[str, dict[str, list[str]]]:
    """The marker lists by language: ``{lang: {list name: phrases}}``."""
    return {lang: {name: getattr(rules, name).phrases(lang) for name in MARKER_LISTS}
            for lang in ("en", "vi")}


def _one_word_gap(words: list[str], after: str = r"\s+") -> re.Pattern[str]:
    """Spaces, and perhaps one of ``words`` followed by ``after``, ignoring case."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:(?:{alternatives}){after})?" if words else r"\s*", re.IGNORECASE)


def date_gaps(rules: LinkRules) -> dict[str, re.Pattern[str]]:
    """What may stand between a marker and the date it governs, per language: spaces, and one
    ``date_article`` word followed by spaces ("since the end of 2024", "kể từ ngày 4/10/2002")."""
    return {lang: _one_word_gap(getattr(rules.date_article, lang)) for lang in ("en", "vi")}


def funded_from(rules: LinkRules) -> dict[str, re.Pattern[str]]:
    """``funded_from`` words as one regex per language that matches a text ending in one."""
    out = {}
    for lang in ("en", "vi"):
        words = getattr(rules.funded_from.words, lang)
        if words:
            alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            out[lang] = re.compile(rf"(?:^|\s)(?:{alternatives})\s*$", re.IGNORECASE)
    return out


def paired_change_regexes(rules: LinkRules) -> dict[str, re.Pattern[str]]:
    """``paired_change_words`` as one regex per language that a text matches in full when it holds
    one of them alone between spaces (", tăng 5,1%", ", up 5.1%")."""
    out = {}
    for lang in ("en", "vi"):
        words = getattr(rules.paired_change_words, lang)
        if words:
            alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
            out[lang] = re.compile(rf"\s*(?:{alternatives})\s*", re.IGNORECASE)
    return out


def stamp_head(rules: LinkRules) -> re.Pattern[str]:
    """What may stand before a page's date stamp at the start of a text: spaces, and one
    ``stamp_words`` word with perhaps a colon ("date 2024-05-20", "Updated: 2024-05")."""
    return _one_word_gap(rules.stamp_words, r":?\s+")


def unit_gaps(rules: LinkRules) -> UnitGaps:
    """``merged_gap`` as two regexes per language: what may stand before the first unit a
    merged province was formed from, and between the units (where a comma and "&" always may)."""

    def gap(words: list[str], always: tuple[str, ...]) -> re.Pattern[str]:
        parts = [r"\s", *always]
        if words:
            parts.append(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
        return re.compile(f"(?:{'|'.join(parts)})*", re.IGNORECASE)

    first, between = rules.merged_gap.first, rules.merged_gap.next
    return {lang: (gap(getattr(first, lang), ()), gap(getattr(between, lang), (",", "&")))
            for lang in ("en", "vi")}
