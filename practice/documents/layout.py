"""Keeping things together on the page without leaving half a page empty.

A heading must not stand alone at the foot of a page, but a long table or clause after
it should start under it and run on, not jump whole to the next page. :func:`keep_with_start`
asks for room for the heading *and the start* of what follows (its first lines, or
its header and first rows) and breaks the page only when that room is not there.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import CondPageBreak, Flowable, Table

from practice.documents.text import Text

#: How many lines of a paragraph, or rows of a table (after its header), must follow a
#: heading on the same page.
START_LINES = 2
START_ROWS = 2
#: A table this short (rows, header included) is kept whole: splitting it would leave
#: a row or two alone, and keeping it whole leaves little room unused.
SHORT_TABLE = 8
_HUGE = 10_000.0


def start_height(flowable: Flowable, width: float) -> float:
    """The height of the beginning of ``flowable`` that must follow its heading."""
    if isinstance(flowable, Text):
        flowable.wrap(width, _HUGE)
        heights = flowable.line_heights()
        return sum(heights[:START_LINES]) + flowable.getSpaceBefore()
    _w, height = flowable.wrap(width, _HUGE)
    if isinstance(flowable, Table):
        rows = getattr(flowable, "_rowHeights", None)
        if rows and len(rows) > SHORT_TABLE:
            return float(sum(rows[: 1 + START_ROWS]))
    return float(height)


def block_height(flowables: Sequence[Flowable], width: float) -> float:
    total = 0.0
    for index, flowable in enumerate(flowables):
        _w, height = flowable.wrap(width, _HUGE)
        total += height + (flowable.getSpaceBefore() if index else 0) + flowable.getSpaceAfter()
    return total


def last_section(story: Sequence[Flowable]) -> int:
    """Where the story's last paragraph starts, counting the headings kept with it (and
    the page-break check before them): the index of the first flowable of that run."""
    index = len(story) - 1
    if index < 0 or not isinstance(story[index], Text):
        return len(story)
    while index > 0 and isinstance(story[index - 1], Text) and story[index - 1].getKeepWithNext():
        index -= 1
    if index > 0 and isinstance(story[index - 1], CondPageBreak):
        index -= 1
    return index


def keep_with_start(lead: Sequence[Flowable], following: Flowable, width: float) -> list[Flowable]:
    """``lead`` (a heading, an introduction) and ``following``, with a page break before
    them only if the page has no room for the lead and the start of what follows."""
    needed = block_height(lead, width) + start_height(following, width)
    return [CondPageBreak(needed), *lead, following]
