# category: xpath-injection
# label: safe
# source: lxml docs: XPath and XSLT with lxml, "The xpath() method" (XPath variables as keyword arguments); OWASP Community: XPATH Injection (www-community/attacks/XPATH_Injection)
# expect: none
# note: The status is passed to xpath() as the variable $status.
import argparse

from lxml import etree


def main():
    parser = argparse.ArgumentParser(description="List tickets with a given status from an export")
    parser.add_argument("export")
    parser.add_argument("--status", default="open")
    args = parser.parse_args()
    doc = etree.parse(args.export)
    for ticket in doc.xpath("//ticket[@status=$status]", status=args.status):
        print(ticket.get("id"), ticket.findtext("title"))


if __name__ == "__main__":
    main()
