"""The print HTML writer: escaping, keys in document order, tables broken where asked."""

from __future__ import annotations

from planner.report.html_writer import Columns, HtmlWriter, Row, esc


def rows(count: int) -> list[Row]:
    return [Row((esc(f"row {i}"), esc(str(i)))) for i in range(count)]


SHAPE = Columns((70, 30), ("left", "right"))


def test_esc_turns_markup_into_text_and_keeps_line_breaks() -> None:
    assert esc('<b>x</b> & "q"\nnext') == "&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot;<br>next"


def test_keys_are_listed_in_document_order() -> None:
    out = HtmlWriter()
    out.heading("h:one", 2, "One")
    out.table("t:a", ("A", "B"), rows(3), SHAPE)
    out.heading("h:two", 2, "Two")
    built = out.result("")
    assert built.order == ("h:one", "t:a", "t:a/1", "t:a/2", "h:two")
    assert built.headings == ("h:one", "h:two")
    assert [s.row_keys for s in built.tables] == [("t:a", "t:a/1", "t:a/2")]


def test_a_break_before_a_row_starts_a_new_table_with_the_header_again() -> None:
    out = HtmlWriter(frozenset({"t:a/4"}))
    out.table("t:a", ("Area", "Hours"), rows(8), SHAPE)
    built = out.result("")
    assert built.html.count("<table") == 2
    assert built.html.count("<thead>") == 2
    assert built.html.count("page-break-before: always") == 1
    second = built.html.split("<table")[2]
    assert "page-break-before" in second and "row 4" in second and "row 3" not in second
    assert [s.row_keys[0] for s in built.tables] == ["t:a", "t:a/4"]


def test_a_break_before_the_first_row_moves_the_whole_table() -> None:
    out = HtmlWriter(frozenset({"t:a", "h:x"}))
    out.heading("h:x", 2, "X")
    out.table("t:a", ("A", "B"), rows(2), SHAPE)
    html = out.result("").html
    assert html.count("<table") == 1
    assert '<h2 style="page-break-before: always;">X</h2>' in html
    assert '<table class="grid" width="100%" cellspacing="0" cellpadding="0" style="page-break' in (
        html
    )


def test_short_tables_stay_whole_and_long_ones_keep_their_ends_together() -> None:
    out = HtmlWriter()
    out.table("t:short", ("A", "B"), rows(4), SHAPE)
    out.table("t:long", ("A", "B"), rows(8), SHAPE)
    short, long = out.result("").tables
    assert short.keep == (True, True, True, False)
    assert long.keep == (True, False, False, False, False, False, True, False)


def test_cells_get_widths_alignment_spans_and_classes() -> None:
    out = HtmlWriter()
    out.table(
        "t:a",
        (),
        [Row(("wide", "right"), css_class="group", spans=(1, 1), cell_classes=("", "line"))],
        SHAPE,
    )
    html = out.result("").html
    assert '<tr class="group"><td width="70%" align="left">wide</td>' in html
    assert '<td width="30%" class="line" align="right">right</td>' in html
    assert "<thead>" not in html
