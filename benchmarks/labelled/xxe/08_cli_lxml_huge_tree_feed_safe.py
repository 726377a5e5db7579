# category: xxe
# label: safe
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); lxml docs: XMLParser huge_tree / resolve_entities
# note: huge_tree stays on for large feeds, but with resolve_entities=False and no_network=True no entity is expanded or fetched.
import argparse
import csv
import sys

from lxml import etree


def main():
    ap = argparse.ArgumentParser(description="Convert a partner product feed to CSV")
    ap.add_argument("feed")
    args = ap.parse_args()

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    tree = etree.parse(args.feed, parser)
    writer = csv.writer(sys.stdout)
    for product in tree.iter("product"):
        writer.writerow([product.findtext("sku"), product.findtext("price")])


if __name__ == "__main__":
    main()
