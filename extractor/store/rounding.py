"""Whether two recorded values differ by more than their written precision.

"13.625 tỷ đồng" and "13.625,214 tỷ đồng" give the same figure at two precisions: the first is
written to the billion, and the second lies within half a billion of it. Conflicts, and the
"other values" counted beside a value, leave such pairs out: rounding is not a disagreement.
"""

from __future__ import annotations

import re
from decimal import Decimal

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def written_step(value: Decimal, text: str) -> Decimal:
    """The value of one unit in the last digit written (0 when the text shows no such digits).

    >>> written_step(Decimal("13625E9"), "13.625 tỷ đồng"), written_step(Decimal("13625214E6"), "13.625,214 tỷ")
    (Decimal('1000000000'), Decimal('1000000'))
    >>> written_step(Decimal("0.18"), "0,18%"), written_step(Decimal("6E12"), "hundreds of billions")
    (Decimal('0.01'), Decimal('0'))
    """
    for match in _NUMBER.finditer(text):
        digits = int(re.sub(r"\D", "", match.group(0)) or 0)
        if digits == 0 or value == 0:
            continue
        step = abs(value) / digits
        exponent = step.log10() if step > 0 else Decimal(0)
        if exponent == exponent.to_integral_value():
            return Decimal(10) ** int(exponent)
    return Decimal(0)


def same_within_rounding(a: Decimal, a_text: str, b: Decimal, b_text: str) -> bool:
    """True when the two values are equal, or one lies within half a written step of the other.

    >>> same_within_rounding(Decimal("13625E9"), "13,625 billion", Decimal("13625214E6"), "13.625,214 tỷ")
    True
    >>> same_within_rounding(Decimal("13625E9"), "13,625 billion", Decimal("13627E9"), "13.627 tỷ")
    False
    """
    if a == b:
        return True
    step = max(written_step(a, a_text), written_step(b, b_text))
    return step > 0 and abs(a - b) <= step / 2
