"""Tables that fit the terminal: never a case id, date, fase id or word broken in the middle.

A view offers its layouts from wide to narrow (the full table, a compact one); the first whose
columns all get their longest word (and kept cells their whole text) is drawn. When none fits,
the rows are stacked: one block per row, a label and its value on each line. Uses rich, like the
other render modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

Cell = str | Text


@dataclass(frozen=True)
class Column:
    header: str
    keep: bool = False  # ids, dates, fase ids, times and numbers: never wrapped
    justify: str = "left"


@dataclass
class Layout:
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    lines: bool = False  # a line between rows (rows of several lines)

    def _least(self) -> list[int]:
        return [max([_least(c.header, keep=False)] + [_least(row[i], keep=c.keep)
                                                      for row in self.rows])
                for i, c in enumerate(self.columns)]

    def _natural(self) -> list[int]:
        return [max([_least(c.header, keep=True)] + [_least(row[i], keep=True)
                                                     for row in self.rows])
                for i, c in enumerate(self.columns)]

    def needs(self) -> int:
        """The narrowest width this table can be drawn in without breaking a word."""
        return _overhead(len(self.columns)) + sum(self._least())

    def table(self, title: str, width: int) -> Table:
        """The table in `width` columns: every column gets its longest word (a kept column its
        longest line), and the room left goes to the columns that can use it, in proportion."""
        least, natural = self._least(), self._natural()
        room = width - _overhead(len(self.columns)) - sum(least)
        want = [n - m for n, m in zip(natural, least, strict=True)]
        widths = list(least)
        # The narrow columns first get all they want (a name on one line); the rest of the room
        # is shared by the wide ones in proportion.
        pending = sorted(range(len(want)), key=want.__getitem__)
        while pending and room > 0:
            share = room // len(pending)
            if want[pending[0]] > share:
                total = sum(want[i] for i in pending)
                for i in pending:
                    widths[i] += room * want[i] // total
                break
            i = pending.pop(0)
            widths[i] += want[i]
            room -= want[i]
        table = Table(title=title or None, show_lines=self.lines)
        for column, size in zip(self.columns, widths, strict=True):
            table.add_column(column.header, justify=column.justify,  # type: ignore[arg-type]
                             no_wrap=column.keep, width=size)
        for row in self.rows:
            table.add_row(*row)
        return table


def _overhead(columns: int) -> int:
    return 1 + 3 * columns  # the borders, and a space of padding on each side of a column


def _plain(cell: Cell) -> str:
    return cell.plain if isinstance(cell, Text) else cell


def _least(cell: Cell, *, keep: bool) -> int:
    """The width a cell needs: its longest line when kept whole, else its longest word."""
    text = _plain(cell)
    if keep:
        return max((len(line) for line in text.split("\n")), default=0)
    return max((len(word) for word in re.split(r"\s+", text) if word), default=0)


def fit(width: int, title: str, layouts: list[Layout], *, block_title: int = 0) -> Any:
    """The first layout that fits `width`, else the rows of the first stacked as blocks (the
    cell `block_title` heads each block)."""
    for layout in layouts:
        if layout.needs() <= width:
            return layout.table(title, width)
    return stacked(title, layouts[0], block_title=block_title)


def stacked(title: str, layout: Layout, *, block_title: int = 0) -> Group:
    parts: list[Any] = [Text(title, style="bold")] if title else []
    labels = [c.header for i, c in enumerate(layout.columns) if i != block_title]
    for row in layout.rows:
        head = row[block_title]
        parts.append(Text.assemble("\n", head if isinstance(head, Text) else Text(head),
                                   style="bold"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True, min_width=max(map(len, labels), default=0))
        grid.add_column()
        for i, cell in enumerate(row):
            if i != block_title:
                grid.add_row(layout.columns[i].header, cell)
        parts.append(grid)
    return Group(*parts)
