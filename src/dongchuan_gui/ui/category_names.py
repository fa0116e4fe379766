"""Translated display names of the model's fixed vocabularies."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def category_name(category: str) -> str:
    return {
        "industry": tr("Industry (发展生产)"),
        "relocation": tr("Relocation (易地搬迁)"),
        "ecological_compensation": tr("Ecological compensation (生态补偿)"),
        "education": tr("Education (发展教育)"),
        "social_security": tr("Social-security safety net (社会保障兜底)"),
        "employment": tr("Employment (就业扶贫)"),
        "east_west_cooperation": tr("East–west cooperation (东西部协作)"),
        "returnee_entrepreneurship": tr("Returnee entrepreneurs (返乡创业)"),
        "tourism": tr("Tourism (旅游扶贫)"),
    }.get(category, category)


def level_name(level: str) -> str:
    return {
        "district": tr("district (区)"),
        "subdistrict": tr("subdistrict (街道)"),
        "town": tr("town (镇)"),
        "township": tr("township (乡)"),
        "community": tr("community (社区)"),
        "village": tr("village (村)"),
        "resettlement_site": tr("resettlement site (安置点)"),
    }.get(level, level)
