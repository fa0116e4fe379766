"""The window's tabs, in their order, each under the key that names it.

The key names the tab in the settings (the tab in view, splitter sizes), the Back/Forward
history and the Go menu (Ctrl+1 … Ctrl+9 follow the order here); ``window.tab(key)`` gives
it, and a tab built at start is also the window's attribute of that name
(``window.places``). Adding a tab is one line in ``TABS``.

A slot with a ``title`` is built when first needed: the window starts with a placeholder
there (``tabs/placeholder.py``) and builds the tab when the user opens it, navigates to a
record of its ``kinds``, or a household register opens. The monitoring tabs are built so:
they import numpy and the register model (about 0.3 s), which a window without a register
never needs. Their modules are imported inside their factories, and the title is said in
the tab's own translation context, so the placeholder's title is the tab's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .tabs.base import Tab
from .tabs.overview import OverviewTab
from .tabs.places import PlacesTab
from .tabs.programs import ProgramsTab
from .tabs.quality import QualityTab
from .tabs.snapshots import SnapshotsTab
from .tabs.sources import SourcesTab
from .tabs.timelines import TimelinesTab

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate


@dataclass(frozen=True)
class TabSlot:
    """One tab: ``make`` builds it for the window and connects its own intents (the
    window connects those every tab has). With ``title``, built when first needed;
    ``kinds`` are the record kinds it shows, for navigation before it is built."""

    key: str
    make: Callable[[MainWindow], Tab]
    title: Callable[[], str] | None = None
    kinds: tuple[str, ...] = ()


def _places(window: MainWindow) -> Tab:
    tab = PlacesTab()
    tab.set_session(window.monitoring.session)
    return tab


def _timelines(window: MainWindow) -> Tab:
    tab = TimelinesTab()
    tab.set_session(window.monitoring.session)
    return tab


def _monitoring_overview(window: MainWindow) -> Tab:
    from .tabs.monitoring_overview import MonitoringOverviewTab

    tab = MonitoringOverviewTab(window.monitoring.session)
    tab.place_activated.connect(window.navigate_to_code)
    tab.command_requested.connect(window.push_command)
    tab.household_activated.connect(window.navigate_to_household)
    tab.filter_newly_below.connect(window.monitoring.show_newly_below)
    return tab


def _households(window: MainWindow) -> Tab:
    from .tabs.monitoring import MonitoringTab

    tab = MonitoringTab(window.monitoring.session, push=window.push_command)
    tab.open_requested.connect(window.monitoring.open_dialog)
    return tab


def _map(window: MainWindow) -> Tab:
    from .tabs.map import MapTab

    return MapTab(window.panel_source, window.view_state)


def _motion(window: MainWindow) -> Tab:
    from .tabs.motion import MotionTab

    return MotionTab(window.panel_source, window.view_state)


def _quality(window: MainWindow) -> Tab:
    tab = QualityTab()  # the checks (numpy) are imported when it first counts
    tab.command_requested.connect(window.push_command)
    tab.counts_changed.connect(window.quality_status.setText)
    return tab


def _snapshots(window: MainWindow) -> Tab:
    tab = SnapshotsTab()
    tab.snapshot_requested.connect(window.files.take_snapshot)
    tab.open_requested.connect(window.files.open_read_only_window)
    tab.restore_requested.connect(window.files.restore_snapshot)
    return tab


# the tabs in their order; adding a tab is one line here
TABS: tuple[TabSlot, ...] = (
    TabSlot("overview", lambda w: OverviewTab()),
    TabSlot("programs", lambda w: ProgramsTab()),
    TabSlot("places", _places),
    TabSlot("timelines", _timelines),
    TabSlot(
        "monitoring_overview",
        _monitoring_overview,
        lambda: translate("MonitoringOverviewTab", "Monitoring"),
    ),
    TabSlot(
        "households",
        _households,
        lambda: translate("MonitoringTab", "Households"),
        ("household",),
    ),
    TabSlot("map", _map, lambda: translate("MapTab", "Map")),
    TabSlot("motion", _motion, lambda: translate("MotionTab", "Motion chart")),
    TabSlot("quality", _quality),  # built at start: its counts are in the status bar
    TabSlot("sources", lambda w: SourcesTab()),
    TabSlot("snapshots", _snapshots),
)
