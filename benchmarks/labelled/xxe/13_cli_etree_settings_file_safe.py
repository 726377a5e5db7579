# category: xxe
# label: safe
# source: Python docs: XML security / XML vulnerabilities (docs.python.org/3/library/xml.html#xml-security)
# note: the same stdlib parser only ever reads the settings.xml shipped next to the script, a constant path under the program's own control.
import xml.etree.ElementTree as ET
from pathlib import Path

DEFAULT_SETTINGS = Path(__file__).with_name("settings.xml")


def load_settings(path):
    tree = ET.parse(path)
    return {child.tag: (child.text or "").strip() for child in tree.getroot()}


def main():
    settings = load_settings(DEFAULT_SETTINGS)
    for key, value in sorted(settings.items()):
        print(f"{key} = {value}")


if __name__ == "__main__":
    main()
