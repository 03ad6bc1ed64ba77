from harness import run, where

from l10ncheck.rules.table_shape import TableShape

SOURCE = """\
Fees:

| Network | Fee | Time |
|---|---|---|
| BEP20 | 0.0005 BNB | 1 min |
| ERC20 | 0.005 ETH | 5 min |
"""


def test_dropped_row_is_reported() -> None:
    found = run(TableShape, SOURCE, """\
手数料：

| ネットワーク | 手数料 | 時間 |
|---|---|---|
| BEP20 | 0.0005 BNB | 1分 |
""")
    assert [d.code for d in found] == ["S109"]
    assert where(found[0]) == (3, 1)
    assert "table has 2 rows × 3 columns" in found[0].message
    assert "has 3 × 3" in found[0].message


def test_translated_table_of_the_same_shape_is_fine() -> None:
    assert run(TableShape, SOURCE, """\
手数料：

| ネットワーク | 手数料 | 時間 |
|---|---|---|
| BEP20 | 0.0005 BNB | 1分 |
| ERC20 | 0.005 ETH | 5分 |
""") == []
