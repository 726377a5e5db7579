# category: xpath-injection
# label: vulnerable
# source: OWASP Web Security Testing Guide, "Testing for XPath Injection" (WSTG-INPV-09)
# expect: 13
# note: sys.argv[2] is put unquoted into a numeric predicate, so '0 or 1=1' sums every order in the file.
import sys

from lxml import etree


def order_total(path, order_id):
    doc = etree.parse(path)
    return doc.xpath(f"sum(//order[@id={order_id}]/line/@amount)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: order_total.py EXPORT.xml ORDER_ID")
    print(order_total(sys.argv[1], sys.argv[2]))
