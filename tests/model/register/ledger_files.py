"""Ledger files like the national monitoring system's exports, written for the import
tests: title rows, merged cells, Chinese headers and invented personal data."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

# invented personal values: none may ever reach a register, a message or a report
NAMES = ("张三丰", "李四娘")
ID_NUMBERS = ("530113198001010014", "53011319900202018X")  # valid check digits
HIDDEN_ID = "530113197512120034"  # inside a remark
PHONES = ("13912345678", "15887654321")
BANK_CARDS = ("6222020200112233446",)  # passes the Luhn check
SPARE_PHONES = ("13800001111", "13800002222", "13800003333")
ALL_PERSONAL = (*NAMES, *ID_NUMBERS, HIDDEN_ID, *PHONES, *BANK_CARDS, *SPARE_PHONES)

HEADER = ["序号", "乡镇", "所属村", "户编号", "户主姓名", "身份证号", "联系电话", "家庭人口数",
          "劳动力人数", "贫困户属性", "监测对象类别", "风险是否消除", "识别时间",
          "2024年人均纯收入", "工资性收入", "帮扶措施", "备注", "备用", "开户银行账号"]
# column letters of the header above
COL = {name: chr(65 + i) for i, name in enumerate(HEADER)}

LIPING = 530113102202  # 梨坪村 of 汤丹镇 (another 梨坪村 lies in 铜都街道)
SAHAI = 530113102201  # 洒海村


def household(n: int, **kw: Any) -> list[Any]:
    """One data row (the spare column holds phone numbers: personal by its values)."""
    row: dict[str, Any] = {
        "序号": n, "乡镇": "汤丹镇", "所属村": "梨坪村", "户编号": f"5301131022020{n:03d}",
        "户主姓名": NAMES[n % 2], "身份证号": ID_NUMBERS[n % 2], "联系电话": PHONES[n % 2],
        "家庭人口数": 4, "劳动力人数": 2, "贫困户属性": "一般户", "监测对象类别": "",
        "风险是否消除": "", "识别时间": None, "2024年人均纯收入": 12000.5,
        "工资性收入": 8000, "帮扶措施": "", "备注": "",
        "备用": SPARE_PHONES[n % len(SPARE_PHONES)], "开户银行账号": BANK_CARDS[0],
    }
    row.update(kw)
    return [row[h] for h in HEADER]


def standard_rows() -> list[list[Any]]:
    """Rows 4-11 of the standard ledger (Excel row = index + 4)."""
    return [
        household(1),  # row 4: village merged C4:C6
        household(2, 所属村=None, 监测对象类别="脱贫不稳定户", 风险是否消除="否",
                  识别时间=dt.date(2024, 3, 1)),  # row 5
        household(3, 所属村=None, 备注=f"户主身份证{HIDDEN_ID}"),  # row 6: refused
        household(4, 所属村="洒海村", 监测对象类别="边缘易致贫户X"),  # row 7: unknown label
        household(5, 所属村="洒海村", 户编号="5301131022020001"),  # row 8: repeats row 4
        household(6, 所属村="洒海村", **{"2024年人均纯收入": "1,234.50元",
                                         "工资性收入": "８００"}),  # row 9
        household(7, 所属村="洒海村", 户编号=ID_NUMBERS[0]),  # row 10: an ID as household no.
        ["合计", None, None, None, None, None, None, 28, 14, None, None, None, None, None,
         None, None, None, None, None],  # row 11: a total row
    ]


def write_xlsx(path: Path, rows: list[list[Any]] | None = None, *,
               header: list[str] | None = None, merges: tuple[str, ...] = ("C4:C6",),
               titles: int = 2) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "监测台账"
    header = header or HEADER
    if titles:
        sheet.append(["东川区2024年防止返贫监测对象台账"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    if titles > 1:
        sheet.append(["填报单位：汤丹镇（盖章）"])
    sheet.append(header)
    for row in rows if rows is not None else standard_rows():
        sheet.append(row)
    for span in merges:
        sheet.merge_cells(span)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], encoding: str, header: list[str] | None = None
              ) -> Path:
    """As Excel saves a sheet as CSV: two title rows padded with commas, then the table."""
    import csv
    import io

    width = len(header or HEADER)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["东川区2024年防止返贫监测对象台账"] + [""] * (width - 1))
    writer.writerow(["填报单位：汤丹镇（盖章）"] + [""] * (width - 1))
    for row in [header or HEADER, *rows]:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(text.getvalue().encode(encoding))
    return path


def zip_bomb(path: Path) -> Path:
    """A workbook whose sheet part unpacks a thousand times its size (8 MB of zeros)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/worksheets/sheet1.xml", b"0" * (8 * 1024 * 1024))
    return path


FAR_CELL = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>'


def sparse_bomb(path: Path, template: Path, cell: bytes = FAR_CELL) -> Path:
    """A valid small workbook with one more cell at XFD1048576: calamine would lay out
    17 billion cells for it (and abort the process asking for 550 GB)."""
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", cell + b"</sheetData>")
            out.writestr(info, data)
    return path
