#!/usr/bin/env bash
# Adds up the Surefire reports of every module into one closing line.
root=${1:-.}
attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }
total=0 failed=0 skipped=0
for report in "$root"/*/target/surefire-reports/TEST-*.xml; do
  [ -f "$report" ] || continue
  suite=$(grep -m 1 '<testsuite' "$report")
  total=$((total + $(attr tests "$suite")))
  failed=$((failed + $(attr failures "$suite") + $(attr errors "$suite")))
  skipped=$((skipped + $(attr skipped "$suite")))
done
echo "tests: $((total - failed - skipped)) passed, $failed failed, $skipped skipped"
