# category: nosql-injection
# label: safe
# source: MongoDB Manual: $where (query operator); CWE-943: Improper Neutralization of Special Elements in Data Query Logic
# expect: none
# note: The threshold goes through int() before it is concatenated, so only a number can reach the $where JavaScript.
import sys

from pymongo import MongoClient

inventory = MongoClient()["shop"]["inventory"]


def low_stock(threshold):
    query = {"$where": "this.stock < " + str(int(threshold)) + " && !this.discontinued"}
    return list(inventory.find(query, {"_id": 0, "sku": 1, "stock": 1}))


if __name__ == "__main__":
    for item in low_stock(sys.argv[1] if len(sys.argv) > 1 else "5"):
        print(f"{item['sku']}\t{item['stock']}")
