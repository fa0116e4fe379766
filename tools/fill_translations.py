"""Fill unfinished entries of the Chinese .ts from a JSON file of source → translation.

    python tools/fill_translations.py resources/i18n/dongchuan_zh_CN.ts new.json

For translations written outside Qt Linguist; entries not in the JSON stay unfinished.
Run `make translations` afterwards: lupdate puts the file back in Qt's own layout and
lrelease compiles the .qm.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    ts_path, json_path = sys.argv[1:3]
    wanted = json.loads(open(json_path, encoding="utf-8").read())
    tree = ET.parse(ts_path)
    filled, missing = 0, []
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        source = message.findtext("source") or ""
        if source in wanted:
            translation.text = wanted[source]
            del translation.attrib["type"]
            filled += 1
        else:
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled}; still unfinished: {len(missing)}")
    for source in missing:
        print("  ", source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
