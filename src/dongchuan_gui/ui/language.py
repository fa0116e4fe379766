"""Which of the model's label pairs (zh, en) the interface shows.

``install_translations`` makes the chosen interface language the default locale, so a
user who picks 中文 on an English computer (or English on a Chinese one) gets the
model's labels in that language too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def tr(text: str) -> str:
    """Translate ``text`` in the global context: the modules of functions (not widgets)
    import this, and lupdate files their ``tr("…")`` calls under that context."""
    return QCoreApplication.translate("", text)


def ui_lang() -> str:
    """ "zh" when the interface is Chinese (the default locale), else "en"."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
