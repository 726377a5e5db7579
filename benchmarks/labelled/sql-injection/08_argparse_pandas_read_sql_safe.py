# category: sql-injection
# label: safe
# source: pandas docs: pandas.read_sql, "params" parameter (PEP 249 paramstyle)
# expect: none
# note: The region is passed via read_sql(params=...); the f-string only joins module constants.
import argparse
import sqlite3

import pandas as pd

TABLE = "sales"
COLUMNS = "region, product, SUM(amount) AS total"


def main():
    parser = argparse.ArgumentParser(description="Export regional sales to CSV")
    parser.add_argument("--region", required=True)
    parser.add_argument("--out", default="sales.csv")
    args = parser.parse_args()

    conn = sqlite3.connect("warehouse.db")
    query = (
        f"SELECT {COLUMNS} FROM {TABLE} "
        "WHERE region = ? GROUP BY region, product"
    )
    df = pd.read_sql(query, conn, params=(args.region,))
    df.to_csv(args.out, index=False)


if __name__ == "__main__":
    main()
