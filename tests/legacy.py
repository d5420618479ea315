"""A legacy register as offices keep them in Excel: a title row, a two-row merged header,
dates in every form clerks use, phone numbers typed into number cells."""

import datetime as dt
import random
from pathlib import Path

from openpyxl import Workbook

# (group, column) pairs: a group spanning several columns is a merged cell above them
HEADER = [
    ("登记编号", None),
    ("登记日期", None),
    ("投诉人", "姓名"),
    ("投诉人", "联系电话"),
    ("被投诉方", None),
    ("商品", None),
    ("金额", None),
    ("投诉类别", None),
    ("投诉内容", None),
    ("处理状态", None),
    ("经办人", None),
]
NAMES = "王芳 李强 张伟 刘洋 陈静 杨磊 赵敏 黄丽 周杰 吴刚".split()
SHOPS = ["杭州某某电器有限公司", "西湖区家乐超市", "某某手机专卖店", "城西汽车维修中心", "乐活健身会所"]
BAD = {  # column → a value that must be refused, and why
    1: ("2026年13月5日", "日期不存在"),
    3: ("1381234567", "手机号"),
    4: ("", "经营者名称"),
    6: ("-12.5", "负数"),
    7: ("外星问题", "未知"),
    8: ("", "投诉事实"),
}


def legacy_rows(count: int, seed: int = 7) -> list[list]:
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 600))
        form = i % 5
        received = (
            day
            if form == 0
            else f"{day.year}年{day.month}月{day.day}日"
            if form == 1
            else f"{day.year}/{day.month}/{day.day}"
            if form == 2
            else day.isoformat()
            if form == 3
            else (day - dt.date(1899, 12, 30)).days
        )  # an Excel serial number in a General cell
        rows.append(
            [
                f"XH{2025_0000 + i}",
                received,
                NAMES[i % len(NAMES)] + str(i),
                13800000000 + i,
                SHOPS[i % len(SHOPS)],
                "空调" if i % 2 else "手机",
                round(100 + i * 1.5, 2),
                ["产品质量", "售后服务", "虚假宣传"][i % 3],
                f"第 {i} 号：购买后出现故障，多次联系商家未果。",
                ["", "已受理", "已办结"][i % 3],
                "周敏",
            ]
        )
    return rows


def write_legacy(path: Path, rows: list[list], title: str = "2025 年消费投诉登记簿") -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "登记簿"
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append([group for group, _ in HEADER])
    ws.append([sub for _, sub in HEADER])
    col = 1
    while col <= len(HEADER):
        group, sub = HEADER[col - 1]
        if sub is None:
            ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
            col += 1
            continue
        end = col
        while end < len(HEADER) and HEADER[end][0] == group:
            end += 1
        ws.merge_cells(start_row=2, start_column=col, end_row=2, end_column=end)
        col = end + 1
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def spoil(rows: list[list], which: list[int]) -> dict[int, int]:
    """Break one cell in each chosen row; returns {Excel row number: column index}."""
    spoiled = {}
    columns = sorted(BAD)
    for n, i in enumerate(which):
        column = columns[n % len(columns)]
        rows[i][column] = BAD[column][0]
        spoiled[i + 4] = column  # title + two header rows, 1-based
    return spoiled
