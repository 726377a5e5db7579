# category: xpath-injection
# label: safe
# source: OWASP Web Security Testing Guide, "Testing for XPath Injection" (WSTG-INPV-09)
# expect: none
# note: The order id is converted with int() inside the f-string, so only an integer can appear in the expression.
import sys

from lxml import etree


def order_total(path, order_id):
    doc = etree.parse(path)
    return doc.xpath(f"sum(//order[@id={int(order_id)}]/line/@amount)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: order_total.py EXPORT.xml ORDER_ID")
    print(order_total(sys.argv[1], sys.argv[2]))
