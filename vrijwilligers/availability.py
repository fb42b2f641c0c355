"""The week grid of availability: 7 days x 3 day parts, stored as a 21-bit mask.

Bit ``day * 3 + part`` is set when someone is free (or a vacature needs someone) in
that slot; day 0 is Monday, part 0 the morning. Forms and the API use readable codes
such as ``"di-avond"``.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DAYS = (
    ("ma", _("maandag")),
    ("di", _("dinsdag")),
    ("wo", _("woensdag")),
    ("do", _("donderdag")),
    ("vr", _("vrijdag")),
    ("za", _("zaterdag")),
    ("zo", _("zondag")),
)
PARTS = (("ochtend", _("ochtend")), ("middag", _("middag")), ("avond", _("avond")))

FULL_MASK = (1 << (len(DAYS) * len(PARTS))) - 1

SLOT_CODES = tuple(f"{day}-{part}" for day, _d in DAYS for part, _p in PARTS)
_BIT = {code: index for index, code in enumerate(SLOT_CODES)}


def slot_choices() -> list[tuple[str, str]]:
    """Choices for a checkbox grid, in week order ("dinsdag avond")."""
    return [
        (f"{day}-{part}", format_lazy("{} {}", day_label, part_label))
        for day, day_label in DAYS
        for part, part_label in PARTS
    ]


def is_slot(code: str) -> bool:
    return code in _BIT


def mask_from_codes(codes) -> int:
    """The mask for slot codes; raises ValueError on a code outside the grid."""
    mask = 0
    for code in codes:
        if code not in _BIT:
            raise ValueError(code)
        mask |= 1 << _BIT[code]
    return mask


def codes_from_mask(mask: int) -> list[str]:
    return [code for index, code in enumerate(SLOT_CODES) if mask >> index & 1]


def slot_label(index: int) -> str:
    """One slot as people say it: "dinsdagavond"."""
    day_label = DAYS[index // len(PARTS)][1]
    part_label = PARTS[index % len(PARTS)][1]
    # Dutch writes one word ("dinsdagavond"); English two ("Tuesday evening").
    return gettext("%(day)s%(part)s") % {"day": day_label, "part": part_label}


def weekday_mask(weekday: int) -> int:
    """All three parts of one weekday (0 = Monday), for one-off dates."""
    return 0b111 << (weekday * len(PARTS))


def grid_rows(mask: int) -> list[dict]:
    """Rows for a table: per day, whether each part is set."""
    return [
        {
            "label": day_label,
            "parts": [
                {"code": f"{day}-{part}", "label": part_label, "on": bool(mask >> (d * 3 + p) & 1)}
                for p, (part, part_label) in enumerate(PARTS)
            ],
        }
        for d, (day, day_label) in enumerate(DAYS)
    ]
