#!/usr/bin/env bash
# Reads a Maven log and adds up Surefire's per-module result lines ("Tests run: N, Failures: N,
# Errors: N, Skipped: N", the ones without a class name) into one closing line.
awk '
  /^\[[A-Z]+\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$/ {
    gsub(/,/, "")
    total += $4; failed += $6 + $8; skipped += $10; modules++
  }
  END {
    if (modules == 0) {
      # Maven -q (or a build that stopped before testing) prints no result lines: say so rather
      # than report "0 passed".
      print "tests: no Surefire results in the output (-q hides them; see */target/surefire-reports)"
    } else {
      printf "tests: %d passed, %d failed, %d skipped\n", total - failed - skipped, failed, skipped
    }
  }
' "$1"
