# category: xxe
# label: vulnerable
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: XMLParser huge_tree / resolve_entities
# expect: 18, 19
# note: a partner's feed file is parsed with entity resolution on and libxml2's size limits lifted (huge_tree=True), so external entities and entity bombs both work.
import argparse
import csv
import sys

from lxml import etree


def main():
    ap = argparse.ArgumentParser(description="Convert a partner product feed to CSV")
    ap.add_argument("feed")
    args = ap.parse_args()

    parser = etree.XMLParser(resolve_entities=True, huge_tree=True)
    tree = etree.parse(args.feed, parser)
    writer = csv.writer(sys.stdout)
    for product in tree.iter("product"):
        writer.writerow([product.findtext("sku"), product.findtext("price")])


if __name__ == "__main__":
    main()
