"""Tables drawn with rules: their cells' text is read a row at a time, never taken for the
labels of a figure, never joined across cells; bars of a chart are no table."""

from __future__ import annotations

import pymupdf
from pdftypeset import pick_fonts

from archive.extract.pdf import extract_pdf
from archive.models import Block
from archive.segment import segment

ROWS = [
    (["apt-file update"], ["Обновить содержимое", "списка пакетов из репо-", "зиториев."]),
    (["dpkg -S", "имя-файла"], ["Показать, к какому", "пакету принадлежит файл."]),
    (["dpkg -i пакет.deb"], ["Установить файл пакета."]),
]


def table_page() -> tuple[pymupdf.Document, pymupdf.Page, pymupdf.TextWriter, pymupdf.Font]:
    """A new document of one small page, a text writer on it and the font to write with."""
    regular, _ = pick_fonts()
    doc = pymupdf.open()
    page = doc.new_page(width=420, height=595)
    return doc, page, pymupdf.TextWriter(page.rect), regular


def ruled_table_pdf() -> bytes:
    doc, page, writer, regular = table_page()
    writer.append((40, 60), "Пакеты и их файлы", font=regular, fontsize=11)
    writer.append((40, 80), "Команды для работы с пакетами собраны в таблице ниже.",
                  font=regular, fontsize=10)
    left, middle, right = 40.0, 150.0, 380.0
    top = y = 100.0
    shape = page.new_shape()
    for command, description in ROWS:
        lines = max(len(command), len(description))
        for k, text in enumerate(command):
            writer.append((left + 4, y + 12 + 12 * k), text, font=regular, fontsize=9)
        for k, text in enumerate(description):
            writer.append((middle + 4, y + 12 + 12 * k), text, font=regular, fontsize=9)
        shape.draw_line((left, y), (right, y))
        y += 12 * lines + 6
    shape.draw_line((left, y), (right, y))
    for x in (left, middle, right):
        shape.draw_line((x, top), (x, y))
    shape.finish(width=0.5)
    shape.commit()
    writer.append((40, y + 30), "После таблицы текст идёт дальше своим чередом.",
                  font=regular, fontsize=10)
    writer.write_text(page)
    return doc.tobytes()


def blocks(data: bytes) -> list[Block]:
    return list(segment(extract_pdf(data)).blocks)


def test_a_ruled_table_is_read_a_row_at_a_time() -> None:
    out = blocks(ruled_table_pdf())
    tables = [b for b in out if b.role == "table"]
    assert [b.text for b in tables] == [
        "apt-file update | Обновить содержимое списка пакетов из репозиториев.\n"
        "dpkg -S имя-файла | Показать, к какому пакету принадлежит файл.\n"
        "dpkg -i пакет.deb | Установить файл пакета."
    ]
    assert out[-1].text == "После таблицы текст идёт дальше своим чередом."


def test_the_bars_of_a_chart_make_no_table() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=420, height=595)
    page.draw_rect(pymupdf.Rect(60, 100, 360, 300), width=0.5)
    for k, height in enumerate((40, 90, 150, 60, 120, 180)):
        x = 80 + 45 * k
        page.draw_rect(pymupdf.Rect(x, 300 - height, x + 25, 300), fill=(0.6, 0.6, 0.6))
    for k in range(7):  # ticks and grid lines of the value axis, and of the years
        page.draw_line((56, 300 - 30 * k), (360, 300 - 30 * k), width=0.2)
        page.draw_line((70 + 45 * k, 100), (70 + 45 * k, 304), width=0.2)
    page.insert_text((300, 130), "Sales", fontsize=8)  # a legend inside the grid
    for k in range(6):
        page.insert_text((85 + 45 * k, 315), f"{2019 + k}", fontsize=8)
    page.insert_text((60, 360), "Figure 1: Sales by year, a bar for each year.", fontsize=10)
    lines = extract_pdf(doc.tobytes()).lines
    assert not [ln for ln in lines if ln.kind == "cell"]
    assert {ln.text for ln in lines if ln.kind == "figure"} >= {"2019", "2024", "Sales"}


def test_a_code_chart_s_row_labels_left_of_its_grid_open_their_rows() -> None:
    # A font's chart of code points: "0" … "3" down the left of the grid, one a row.
    doc, page, writer, regular = table_page()
    writer.append((40, 60), "The chart below shows the block's first code points.",
                  font=regular, fontsize=10)
    left, top, step, width = 120.0, 90.0, 28.0, 40.0
    shape = page.new_shape()
    for r in range(4):
        y = top + step * r
        writer.append((left - 12, y + 17), str(r), font=regular, fontsize=7)
        for c in range(3):
            writer.append((left + width * c + 8, y + 12), chr(0x0410 + 16 * c + r),
                          font=regular, fontsize=12)
            writer.append((left + width * c + 6, y + 24), f"{0x0410 + 16 * c + r:04X}",
                          font=regular, fontsize=5)
    for r in range(5):
        shape.draw_line((left, top + step * r), (left + 3 * width, top + step * r))
    for c in range(4):
        shape.draw_line((left + width * c, top), (left + width * c, top + 4 * step))
    shape.finish(width=0.5)
    shape.commit()
    writer.append((40, top + 4 * step + 30), "After the chart the text goes on as before.",
                  font=regular, fontsize=10)
    writer.write_text(page)
    out = blocks(doc.tobytes())
    assert not [b.text for b in out if b.text.strip() in ("0", "1", "2", "3")]
    table = next(b.text for b in out if b.role == "table")
    assert [row.split(" | ")[:2] for row in table.split("\n")] == [
        ["0", "А 0410"], ["1", "Б 0411"], ["2", "В 0412"], ["3", "Г 0413"]]
