#!/usr/bin/env python3
"""Adds or replaces localized strings in the portal's three resx files at once.

Usage: tools/add-strings.py Resources/AccountText < strings.tsv
Each input line: Key<TAB>Russian<TAB>Kazakh<TAB>English. Russian is the neutral (default) file.
Keeping the three languages on one line makes a missing translation hard to miss.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
"""


def load(path: Path) -> ET.ElementTree:
    if not path.exists():
        path.write_text(HEADER, encoding="utf-8")
    return ET.parse(path)


def upsert(tree: ET.ElementTree, key: str, value: str) -> None:
    root = tree.getroot()
    for data in root.findall("data"):
        if data.get("name") == key:
            data.find("value").text = value
            return
    data = ET.SubElement(root, "data", {"name": key, "xml:space": "preserve"})
    ET.SubElement(data, "value").text = value


def main() -> None:
    base = Path(sys.argv[1])
    files = {suffix: base.with_name(base.name + suffix + ".resx") for suffix in ("", ".kk", ".en")}
    trees = {suffix: load(path) for suffix, path in files.items()}
    for line_no, line in enumerate(sys.stdin, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or not all(p.strip() for p in parts):
            sys.exit(f"line {line_no}: need Key<TAB>ru<TAB>kk<TAB>en, got {line!r}")
        key, ru, kk, en = parts
        upsert(trees[""], key, ru)
        upsert(trees[".kk"], key, kk)
        upsert(trees[".en"], key, en)
    for suffix, tree in trees.items():
        ET.indent(tree, space="  ")
        tree.write(files[suffix], encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    main()
