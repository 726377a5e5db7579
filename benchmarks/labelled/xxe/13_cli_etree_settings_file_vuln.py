# category: xxe
# label: vulnerable
# source: Python docs: XML security / XML vulnerabilities (docs.python.org/3/library/xml.html#xml-security)
# expect: 11
# note: the XML file named on the command line (a settings export received from elsewhere) goes to the stdlib parser, which expands entities declared inside it.
import sys
import xml.etree.ElementTree as ET


def load_settings(path):
    tree = ET.parse(path)
    return {child.tag: (child.text or "").strip() for child in tree.getroot()}


def main():
    settings = load_settings(sys.argv[1])
    for key, value in sorted(settings.items()):
        print(f"{key} = {value}")


if __name__ == "__main__":
    main()
