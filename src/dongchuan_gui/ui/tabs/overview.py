"""Overview tab: headline figures as cards and the district's poverty timeline."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ...model.dataset import Dataset
from ...model.records import Observation
from ..plot_data import format_value, marks_for, observation_tip, plot_series, status_text
from ..widgets.figure_card import FigureCard
from ..widgets.timeline_plot import TimelinePlot
from .base import Tab


@dataclass(frozen=True)
class CardSpec:
    indicator: str
    pick: str = "latest"  # latest | first_last | max


CARDS = [
    CardSpec("poverty-incidence", "first_last"),
    CardSpec("relocated-people"),
    CardSpec("relocated-households"),
    CardSpec("resettled-in-towns"),
    CardSpec("eco-comp-beneficiaries"),
    CardSpec("jobs-created"),
    CardSpec("public-service-posts"),
    CardSpec("coop-funds"),
    CardSpec("coop-projects"),
    CardSpec("donations", "max"),
]
COLUMNS = 5


def _pick(observations: list[Observation], pick: str) -> list[Observation]:
    if not observations:
        return []
    dated = sorted((o for o in observations if o.period), key=lambda o: o.period)
    if pick == "first_last" and len(dated) >= 2:
        return [dated[0], dated[-1]]
    if pick == "max":
        return [max(observations, key=lambda o: o.value)]
    return [dated[-1]] if dated else [observations[0]]


class OverviewTab(Tab):
    shown_kinds = frozenset({"observations", "indicators", "places", "events", "sources"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("overviewHeading")
        self.heading.setWordWrap(True)
        cards = QWidget(self)
        grid = QGridLayout(cards)
        grid.setContentsMargins(0, 0, 0, 0)
        self.cards: list[FigureCard] = []
        for i, _spec in enumerate(CARDS):
            card = FigureCard(cards)
            card.clicked.connect(lambda sid: self.link_activated.emit("source", sid))
            grid.addWidget(card, i // COLUMNS, i % COLUMNS)
            self.cards.append(card)
        self.plot = TimelinePlot(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(cards)
        top_layout.addStretch(1)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.plot)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)

    def title(self) -> str:
        return self.tr("Overview")

    def splitters(self) -> dict[str, QSplitter]:
        return {"main": self.splitter}

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        meta = dataset.data.meta
        self.heading.setText(f"<b>{meta.title_zh or meta.title}</b><br>{meta.title}")
        for card, spec in zip(self.cards, CARDS, strict=True):
            self._fill(card, spec)
        roots = dataset.roots()
        root = roots[0].id if roots else None
        series = [plot_series(dataset, "poverty-incidence", place=root)] if root else []
        self.plot.set_content(
            series,
            marks_for(dataset, dataset.events_for(place=root) if root else []),
            empty_text=self.tr("No dated poverty-incidence figures in this dataset."),
        )

    def _fill(self, card: FigureCard, spec: CardSpec) -> None:
        dataset = self.dataset
        ind = dataset.indicator(spec.indicator)
        shown = _pick(dataset.observations_for(indicator=spec.indicator), spec.pick)
        if ind is None or not shown:
            card.set_figure("—", spec.indicator, self.tr("no figure recorded"), "", "")
            card.setVisible(ind is not None)
            return
        card.setVisible(True)
        value = " → ".join(format_value(o.value, ind.unit) for o in shown)
        periods = " → ".join(o.period or self.tr("undated") for o in shown)
        statuses = {status_text(o.status) for o in shown}
        doubt = self.tr(" · doubtful") if any(o.doubt for o in shown) else ""
        tip = "\n".join(observation_tip(dataset, o) for o in shown)
        tip += "\n" + self.tr("Click to open the source.")
        card.set_figure(
            value,
            f"{ind.name_zh}\n{ind.name_en}",
            f"{periods} · {', '.join(sorted(statuses))}{doubt}",
            shown[-1].source or "",
            tip,
        )
