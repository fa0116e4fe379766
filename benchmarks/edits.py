"""The cost of one edit at scale: checking it, and showing it in the window.

    python benchmarks/edits.py [--scale 3000] [--repeat 15]

The bundled dataset with its observations repeated SCALE times (about 100,000
figures at 3000). Checking one edited figure, ours (the candidate and the small
collections) against the baseline of checking the whole dataset with the edit in
it, which is what every edit cost before. Then, in the real window offscreen: a
figure of the place on show is edited through the undo stack, and the time to
the repainted pane (change → coalesced view update → paint) is taken, against
the time to select and repaint the same place. Aim: an edit checked within one
frame (16 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import msgspec

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _util import median_seconds, row  # noqa: E402
from dongchuan_gui.model import loads  # noqa: E402
from dongchuan_gui.model.checks import check_dataset  # noqa: E402
from dongchuan_gui.model.dataset import Dataset  # noqa: E402
from dongchuan_gui.model.editing import check_candidate, with_field  # noqa: E402
from dongchuan_gui.resources import seed_path  # noqa: E402

YANTOU = "530113104216"


def scaled(scale: int):
    """The seed's figures SCALE times; the copies spread over all places (a copy
    of a program's figure stays with its program), so each village holds a few
    hundred figures at 100,000, as years of reporting would give it."""
    data = loads(seed_path().read_bytes()).data
    base = list(data.observations)
    places = [p.id for p in data.places]
    out = list(base)
    for n in range(1, scale):
        for i, o in enumerate(base):
            place = places[(n * len(base) + i) % len(places)] if o.place else None
            out.append(msgspec.structs.replace(o, id=f"{o.id}-{n}", place=place, doubt=True))
    data.observations = out
    return data


def whole_check(dataset: Dataset, kind: str, record) -> list:
    """The baseline: the whole dataset with the edit in it, checked again."""
    items = [record if r.id == record.id else r for r in getattr(dataset.data, kind)]
    candidate = msgspec.structs.replace(dataset.data, **{kind: items})
    return [p for p in check_dataset(candidate, "edit") if p.severity == "error"]


def check_part(dataset: Dataset, repeat: int) -> None:
    obs = next(o for o in dataset.data.observations if o.place == YANTOU)
    edited = with_field(obs, "value", obs.value + 1)
    assert check_candidate(dataset, "observations", edited) == whole_check(
        dataset, "observations", edited
    )
    ours = median_seconds(lambda: check_candidate(dataset, "observations", edited), repeat)
    base = median_seconds(lambda: whole_check(dataset, "observations", edited), max(3, repeat // 5))
    print(row("check one edited figure", ours, base, "whole check"))
    ind = dataset.indicator(obs.indicator)
    edited_ind = with_field(ind, "definition", "changed")
    ours = median_seconds(lambda: check_candidate(dataset, "indicators", edited_ind), repeat)
    base = median_seconds(lambda: whole_check(dataset, "indicators", edited_ind), 3)
    print(row("check one edited indicator", ours, base, "whole check"))


def window_part(data, repeat: int) -> None:
    from PySide6.QtWidgets import QApplication

    from dongchuan_gui.model.editing import with_field as change
    from dongchuan_gui.ui.commands import EditRecord
    from dongchuan_gui.ui.document import Document
    from dongchuan_gui.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.files._replace_document(Document(data, parent=window))
    window.resize(1400, 900)
    window.show()
    window.navigate("place", YANTOU)
    window.places.pane.plot.render_now()
    app.processEvents()
    dataset = window.dataset
    obs = next(o for o in dataset.data.observations if o.place == YANTOU)
    edit_times, select_times = [], []
    for n in range(repeat):
        start = time.perf_counter()
        current = dataset.get("observations", obs.id)
        window.document.push(
            EditRecord(
                dataset,
                "observations",
                change(current, "value", current.value + 1),
                "bench",
                f"value-{n}",
            )
        )
        app.processEvents()  # the coalesced update of tree, pane and plot
        window.places.pane.plot.render_now()
        window.places.pane.repaint()
        edit_times.append(time.perf_counter() - start)
        window.navigate("place", dataset.roots()[0].id)
        app.processEvents()
        start = time.perf_counter()
        window.navigate("place", YANTOU)
        app.processEvents()
        window.places.pane.plot.render_now()
        window.places.pane.repaint()
        select_times.append(time.perf_counter() - start)
    print(
        f"({len(dataset.observations_for(place=YANTOU))} figures at the place on show)\n"
        + row(
            "edit a figure → repainted pane",
            statistics.median(edit_times),
            statistics.median(select_times),
            "select+repaint",
        )
    )
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    data = scaled(args.scale)
    print(f"{len(data.observations):,} figures")
    check_part(Dataset(data), args.repeat)
    window_part(data, args.repeat)


if __name__ == "__main__":
    main()
