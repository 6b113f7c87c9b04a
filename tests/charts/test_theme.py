"""Chart themes from any palette: readable text, visible grid and empty cells, a clear accent."""

from __future__ import annotations

import pytest

from planner.charts.theme import ChartTheme, contrast, lightness, mix


def test_mixing_and_contrast() -> None:
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    assert mix("#102030", "#102030", 0.7) == "#102030"
    assert lightness("#ffffff") == 1.0 and lightness("#000000") == 0.0
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    with pytest.raises(ValueError, match="#rrggbb"):
        mix("red", "#ffffff", 0.5)


@pytest.mark.parametrize("theme", [ChartTheme.light(), ChartTheme.dark_theme()])
def test_built_in_themes_are_readable(theme: ChartTheme) -> None:
    assert contrast(theme.text, theme.background) >= 7
    assert contrast(theme.muted, theme.background) >= 4.5
    assert contrast(theme.accent, theme.background) >= 3
    assert theme.heat[0] != theme.background and len(theme.heat) == 5


def test_a_palette_decides_light_or_dark() -> None:
    dark = ChartTheme.from_colours("#2b2b2b", "#e6e6e6", "#3d6fb4", 10.0)
    assert dark.dark and dark.font_size == 10.0
    assert dark.background == "#2b2b2b" and dark.text == "#e6e6e6"
    # A highlight too dark to see on the background is lifted toward the text colour.
    assert dark.accent != "#3d6fb4" and contrast(dark.accent, "#2b2b2b") > contrast(
        "#3d6fb4", "#2b2b2b"
    )
    light = ChartTheme.from_colours("#efefef", "#000000", "#308cc6")
    assert not light.dark and light.accent == "#308cc6"
    for theme in (dark, light):
        assert contrast(theme.muted, theme.background) >= 3
        assert theme.grid not in (theme.background, theme.text)
        assert contrast(theme.heat[0], theme.background) > 1.05  # the empty day shows
