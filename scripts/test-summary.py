"""Adds up the Surefire reports of every module into one closing line."""
import glob
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1]
total = failed = skipped = 0
for path in glob.glob(f"{root}/*/target/surefire-reports/TEST-*.xml"):
    suite = ET.parse(path).getroot()
    total += int(suite.get("tests", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
passed = total - failed - skipped
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
