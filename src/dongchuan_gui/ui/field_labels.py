"""Human names of the record kinds, their fields and their fixed options, in the
interface's language: the one table the record editor, undo texts and (later)
import mappings, export headers and reports take their words from.

Field labels live in the translation context "FieldLabels"; option names come from
``category_names`` (context ""), so a status reads the same in a pane and a form.
A field without a label here shows its raw name and fails ``test_field_labels``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from . import category_names as names

# written out as translate("FieldLabels", "…") at every label so lupdate sees them
translate = QCoreApplication.translate


def _kinds() -> dict[str, str]:
    return {
        "sources": translate("FieldLabels", "source"),
        "places": translate("FieldLabels", "place"),
        "programs": translate("FieldLabels", "program"),
        "indicators": translate("FieldLabels", "indicator"),
        "observations": translate("FieldLabels", "figure"),
        "events": translate("FieldLabels", "event"),
        "stories": translate("FieldLabels", "story"),
        "reference_lines": translate("FieldLabels", "reference line"),
        "rule_sets": translate("FieldLabels", "rule set"),
        "registers": translate("FieldLabels", "household register"),
        "validation_rules": translate("FieldLabels", "validation rule"),
        "quality_marks": translate("FieldLabels", "quality mark"),
        "cooperation_projects": translate("FieldLabels", "cooperation project"),
    }


def _common() -> dict[str, str]:
    """Labels of fields that mean the same in every record that has them."""
    return {
        "id": translate("FieldLabels", "ID"),
        "name_zh": translate("FieldLabels", "Name (Chinese)"),
        "name_en": translate("FieldLabels", "Name (English)"),
        "title": translate("FieldLabels", "Title"),
        "title_zh": translate("FieldLabels", "Title (Chinese)"),
        "title_en": translate("FieldLabels", "Title (English)"),
        "summary_zh": translate("FieldLabels", "Summary (Chinese)"),
        "summary_en": translate("FieldLabels", "Summary (English)"),
        "text_zh": translate("FieldLabels", "Text (Chinese)"),
        "text_en": translate("FieldLabels", "Text (English)"),
        "message_zh": translate("FieldLabels", "Message (Chinese)"),
        "message_en": translate("FieldLabels", "Message (English)"),
        "description": translate("FieldLabels", "Description"),
        "note": translate("FieldLabels", "Note"),
        "comment": translate("FieldLabels", "Comment"),
        "source": translate("FieldLabels", "Source"),
        "locator": translate("FieldLabels", "Where in the source"),
        "derived": translate("FieldLabels", "How it was derived"),
        "doubt": translate("FieldLabels", "Doubtful"),
        "verified": translate("FieldLabels", "Verified"),
        "version": translate("FieldLabels", "Version"),
        "indicator": translate("FieldLabels", "Indicator"),
        "place": translate("FieldLabels", "Place"),
        "places": translate("FieldLabels", "Places"),
        "program": translate("FieldLabels", "Program"),
        "programs": translate("FieldLabels", "Programs"),
        "period": translate("FieldLabels", "Period"),
        "year": translate("FieldLabels", "Year"),
        "date": translate("FieldLabels", "Date"),
        "value": translate("FieldLabels", "Value"),
        "unit": translate("FieldLabels", "Unit"),
        "category": translate("FieldLabels", "Category"),
        "level": translate("FieldLabels", "Level"),
        "status": translate("FieldLabels", "Status"),
        "kind": translate("FieldLabels", "Kind"),
        # sources
        "publisher": translate("FieldLabels", "Publisher"),
        "published": translate("FieldLabels", "Published"),
        "url": translate("FieldLabels", "Web address"),
        "reliability": translate("FieldLabels", "Reliability"),
        # places
        "pinyin": translate("FieldLabels", "Pinyin"),
        "name_note": translate("FieldLabels", "Note on the name"),
        "code": translate("FieldLabels", "Statistical code"),
        "code_vintage": translate("FieldLabels", "Code edition"),
        "parent": translate("FieldLabels", "Place above"),
        "location": translate("FieldLabels", "Location"),
        # programs
        "partners": translate("FieldLabels", "Partners"),
        "funders": translate("FieldLabels", "Funders"),
        "start": translate("FieldLabels", "Start"),
        "end": translate("FieldLabels", "End"),
        # indicators
        "direction": translate("FieldLabels", "Better when"),
        "cumulative": translate("FieldLabels", "Cumulative"),
        "definition": translate("FieldLabels", "Definition"),
        "minimum": translate("FieldLabels", "Lowest possible value"),
        "maximum": translate("FieldLabels", "Highest possible value"),
        "part_of": translate("FieldLabels", "Part of indicator"),
        "expected_min": translate("FieldLabels", "Lowest expected value"),
        "expected_max": translate("FieldLabels", "Highest expected value"),
        "max_change": translate("FieldLabels", "Largest plausible change (times)"),
        "aggregation": translate("FieldLabels", "Adds up over places"),
        # stories
        "people": translate("FieldLabels", "People"),
        # reference lines
        "scope": translate("FieldLabels", "Applies to"),
        "basis": translate("FieldLabels", "Basis"),
        # rule sets
        "sources": translate("FieldLabels", "Sources"),
        "lines": translate("FieldLabels", "Monitoring lines by year"),
        "stable_years": translate("FieldLabels", "Years above the line to be stable"),
        "rigid_share_max": translate("FieldLabels", "Highest share of rigid spending"),
        "income_drop_max": translate("FieldLabels", "Largest income drop on last year"),
        "exit_incidence_max": translate("FieldLabels", "Highest incidence for exit (%)"),
        "relocation_min_employed": translate(
            "FieldLabels", "Fewest employed per relocated household"
        ),
        "no_labour_stays_monitored": translate("FieldLabels", "Without labour: always monitored"),
        # household registers
        "path": translate("FieldLabels", "File (relative path)"),
        "sha256": translate("FieldLabels", "Checksum (SHA-256)"),
        "rows": translate("FieldLabels", "Households"),
        "synthetic": translate("FieldLabels", "Invented (synthetic) households"),
        "rule_set": translate("FieldLabels", "Rule set"),
        "schema_version": translate("FieldLabels", "Register format version"),
        # validation rules
        "left": translate("FieldLabels", "Left side"),
        "operator": translate("FieldLabels", "Operator"),
        "right": translate("FieldLabels", "Right side"),
        "importance": translate("FieldLabels", "Importance"),
        "missing": translate("FieldLabels", "When figures are missing"),
        "tolerance": translate("FieldLabels", "Tolerance"),
        # quality marks
        "flag": translate("FieldLabels", "Finding"),
        "state": translate("FieldLabels", "Answer"),
        "record_kind": translate("FieldLabels", "Kind of record"),
        "record_id": translate("FieldLabels", "Record ID"),
        "other_value": translate("FieldLabels", "Right side when marked"),
        "by": translate("FieldLabels", "Marked by"),
        "at": translate("FieldLabels", "Marked at"),
        # cooperation projects
        "partner": translate("FieldLabels", "Partner"),
        "funds": translate("FieldLabels", "Funds"),
        "beneficiaries": translate("FieldLabels", "Beneficiaries"),
        "beneficiaries_unit": translate("FieldLabels", "Beneficiaries counted in"),
    }


def _special() -> dict[tuple[str, str], str]:
    """Labels of fields whose meaning depends on the record."""
    return {
        ("sources", "kind"): translate("FieldLabels", "Kind of source"),
        ("reference_lines", "kind"): translate("FieldLabels", "Kind of line"),
        ("observations", "status"): translate("FieldLabels", "Kind of value"),
        ("validation_rules", "level"): translate("FieldLabels", "Only places of level"),
        ("quality_marks", "value"): translate("FieldLabels", "Value when marked"),
        ("registers", "rule_set"): translate("FieldLabels", "Judged with rule set"),
        ("cooperation_projects", "program"): translate("FieldLabels", "Under program"),
    }


# option names of every fixed-choice field, by field; None: shown as they are
_OPTIONS: dict[tuple[str, str], Callable[[str], str] | None] = {
    ("sources", "kind"): names.source_kind_name,
    ("sources", "reliability"): names.reliability_name,
    ("places", "level"): names.level_name,
    ("programs", "category"): names.category_name,
    ("indicators", "direction"): names.direction_name,
    ("indicators", "aggregation"): names.aggregation_name,
    ("observations", "status"): names.figure_status_name,
    ("reference_lines", "kind"): names.reference_kind_name,
    ("validation_rules", "operator"): None,  # <=, == … read the same in every language
    ("validation_rules", "importance"): names.importance_name,
    ("validation_rules", "missing"): names.missing_strategy_name,
    ("validation_rules", "level"): names.level_name,
    ("quality_marks", "state"): names.mark_state_name,
    ("cooperation_projects", "beneficiaries_unit"): names.beneficiaries_unit_name,
    ("cooperation_projects", "status"): names.project_status_name,
    ("places", "location.datum"): names.datum_name,  # inside the location text
}


def kind_name(kind: str) -> str:
    """The singular name of a record kind ("figure" for observations)."""
    return _kinds().get(kind, kind)


def has_label(kind: str, field: str) -> bool:
    return (kind, field) in _special() or field in _common()


def field_label(kind: str, field: str, *, inline: bool = False) -> str:
    """The name of ``field`` of a ``kind`` record; ``inline`` for use inside a
    sentence ("Change funds of …": an English label loses its capital)."""
    label = _special().get((kind, field)) or _common().get(field) or field.replace("_", " ")
    if inline and label[1:2].islower():
        label = label[:1].lower() + label[1:]
    return label


def has_options(kind: str, field: str) -> bool:
    return (kind, field) in _OPTIONS


def option_label(kind: str, field: str, value: Any) -> str:
    """The name of one option of a fixed-choice field; the stored code stays as it is."""
    name = _OPTIONS.get((kind, field))
    return name(str(value)) if name is not None else str(value)


def record_name(dataset: Any, kind: str, record: Any) -> str:
    """What a person calls ``record``: its Chinese name or title, else another name;
    a figure by its indicator and period; else its id."""
    if kind == "observations" and dataset is not None:
        indicator = dataset.indicator(record.indicator)
        what = (indicator.name_zh or indicator.name_en) if indicator else record.indicator
        return f"{what} {record.period}" if record.period else what
    for attr in ("name_zh", "title_zh", "title", "title_en", "name_en"):
        text = getattr(record, attr, "")
        if text:
            return text
    return record.id
