"""Start the Workbench: ``dongchuan-gui [FILE] [--screenshot DIR]``."""

from __future__ import annotations

import argparse
import faulthandler
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from . import __version__
from .resources import resource_path

log = logging.getLogger("dongchuan_gui")


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="dongchuan-gui", description="Dongchuan Workbench desktop application."
    )
    parser.add_argument("file", nargs="?", help="dataset to open (default: the bundled one)")
    parser.add_argument(
        "--screenshot", metavar="DIR", type=Path, help="render every tab to DIR/NN-tab.png and exit"
    )
    parser.add_argument(
        "--lang",
        choices=("system", "zh_CN", "en"),
        help="interface language (default: as chosen in Help › Language)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def _log_file() -> Path:
    folder = (
        Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
        / "logs"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "dongchuan-gui.log"


_crash_log = None  # kept open for faulthandler, which writes from a signal handler


def _install_faulthandler() -> Path | None:
    """A native crash (segfault, abort) writes every thread's stack to
    ``logs/crash.log``, so the next start and a bug report have a trace."""
    global _crash_log
    path = _log_file().with_name("crash.log")
    try:
        _crash_log = open(path, "a", encoding="utf-8")  # noqa: SIM115 (lives with the app)
    except OSError:
        return None
    _crash_log.write(f"--- dongchuan-gui {__version__} started pid {os.getpid()}\n")
    _crash_log.flush()
    faulthandler.enable(_crash_log, all_threads=True)
    return path


def _install_excepthook(app: QApplication, *, interactive: bool) -> None:
    def hook(kind, value, tb) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", text)
        if kind is KeyboardInterrupt or not interactive:
            # headless runs (--screenshot) must end, not wait for a dialog
            print(text, file=sys.stderr)
            app.exit(1)
            sys.exit(1)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            app.translate("App", "Unexpected error"),
            app.translate(
                "App",
                "Something went wrong: {0}\n\nThe details were "
                "written to {1}. Your data on disk is unchanged.",
            ).format(value, _log_file()),
        )
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook


def install_translations(app: QApplication, language: str = "system") -> bool:
    """Chinese or English interface: ``language`` is "zh_CN", "en" or "system" (the
    computer's language). True when a translation of ours was installed."""
    if language == "en":
        QLocale.setDefault(QLocale("en_US"))
        return False
    locale = QLocale.system() if language == "system" else QLocale(language)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    ours = QTranslator(app)
    if ours.load(locale, "dongchuan", "_", str(resource_path("i18n"))):
        app.installTranslator(ours)
        QLocale.setDefault(QLocale("zh_CN"))
        return True
    # no Chinese interface: English labels from the model too, whatever the computer says
    QLocale.setDefault(QLocale("en_US"))
    return False


def _style(app: QApplication) -> None:
    sheet = resource_path("style.qss")
    if sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Dongchuan")
    app.setApplicationName("Dongchuan Workbench")
    app.setApplicationVersion(__version__)
    logging.basicConfig(
        filename=_log_file(),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    _install_faulthandler()
    _install_excepthook(app, interactive=not args.screenshot)
    from .ui import settings

    install_translations(app, args.lang or settings.read("ui/language"))
    _style(app)

    from .ui.main_window import MainWindow  # after QApplication: widgets need it

    window = MainWindow()
    recovered = not args.screenshot and window.files.offer_recovery()
    opened = recovered or (window.open_path(args.file) if args.file else False)
    if not opened:
        window.files.open_bundled()
        if args.file and window.problem_dialog is not None:
            # the bad file's problems stay on screen above the bundled data
            window.problem_dialog.raise_()
    if args.screenshot:
        from .ui.screenshots import render_all

        for path in render_all(window, args.screenshot):
            print(path)
        return 0
    window.restore_state()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
