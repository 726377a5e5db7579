# category: xpath-injection
# label: vulnerable
# source: lxml docs: XPath and XSLT with lxml, "The xpath() method" (XPath variables as keyword arguments); OWASP Community: XPATH Injection (www-community/attacks/XPATH_Injection)
# expect: 17
# note: The --status argument is %-formatted into the XPath predicate.
import argparse

from lxml import etree


def main():
    parser = argparse.ArgumentParser(description="List tickets with a given status from an export")
    parser.add_argument("export")
    parser.add_argument("--status", default="open")
    args = parser.parse_args()
    doc = etree.parse(args.export)
    for ticket in doc.xpath("//ticket[@status='%s']" % args.status):
        print(ticket.get("id"), ticket.findtext("title"))


if __name__ == "__main__":
    main()
