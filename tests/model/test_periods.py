import pytest

from dongchuan_gui.model.periods import PeriodError, is_period, parse_period


@pytest.mark.parametrize(
    ("text", "precision", "midpoint"),
    [
        ("2019", "year", 2019.0),
        ("2019Q1", "quarter", 2019.125),
        ("2019-01", "month", 2019 + 1 / 24),
        ("2020-02-29", "day", 2020 + 1 / 12 + (28 / 29) / 12),
    ],
)
def test_valid_periods(text, precision, midpoint):
    period = parse_period(text)
    assert period.precision == precision
    assert period.midpoint == pytest.approx(midpoint)


@pytest.mark.parametrize(
    "text",
    [
        "19",
        "2019-13",
        "2019-00",
        "2019Q5",
        "2019-02-30",
        "2021-02-29",
        "2019/03",
        " 2019",
        "2019-3",
        "0999",
        "twenty",
        "",
    ],
)
def test_invalid_periods_say_what_was_expected(text):
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    assert text == "" or text.strip() in str(info.value) or "out of range" in str(info.value)
    assert not is_period(text)


def test_non_string_is_refused():
    with pytest.raises(PeriodError, match="expected a period"):
        parse_period(2019)
