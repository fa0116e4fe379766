import pytest

from dongchuan_gui.model.numbers import format_number, format_quantity


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12345.6, "12,345.6"),
        (99999.5, "99,999.5"),
        (1234.56, "1,234.56"),
        (1234567.0, "1,234,567"),
        (0.004, "0.004"),
        (0.000123456, "0.000123"),
        (-3.5, "-3.5"),
        (1e20, "100,000,000,000,000,000,000"),
    ],
)
def test_numbers_never_use_an_exponent_or_lose_digits(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("value", "unit", "zh", "en"),
    [
        (50.4, "million yuan", "5,040 万元", "50.4 million yuan"),
        (1.9, "million yuan", "190 万元", "1.9 million yuan"),
        (2e4, "万元", "2 亿元", "20,000 万元"),
        (102508, "people", "102,508 人", "102,508 people"),
        (8754, "households", "8,754 户", "8,754 households"),
        (53, "ha", "53 公顷", "53 ha"),
        (95.67, "%", "95.67%", "95.67 %"),
        (1858.79, "km²", "1,858.79 平方公里", "1,858.79 km²"),
    ],
)
def test_quantities_in_chinese_use_chinese_units_and_wan(value, unit, zh, en):
    assert format_quantity(value, unit, "zh") == zh
    assert format_quantity(value, unit, "en") == en
