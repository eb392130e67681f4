#!/usr/bin/env bash
# Times report.html with thumbnails for 1,000 mismatches of real photos (the JPEG and HEIC fixtures of ../shared in
# turn, linked, never copied), cold: no preview cache, every file opened and previewed through the shared pipeline
# (EXIF thumbnail, HEIC thumbnail item or grid tiles through ffmpeg, heif-convert). Target: under 10 s on 2 cores.
# Needs ffmpeg and heif-convert (Debian: ffmpeg, libheif-examples).
#
#   releng/benchmarks/report-preview-bench.sh [--strict]     --strict fails when the target is missed
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
args="-Dphotoparity.bench=true"
[ "${1:-}" = "--strict" ] && args="$args -Dphotoparity.bench.strict=true"
cd "$root"
./mvnw -q verify -pl bundles/org.photoparity.report.tests "-DreportTestArgs=$args" \
  -Dtest=ReportPreviewTest -Dsurefire.failIfNoSpecifiedTests=false
grep -h "report bench:" bundles/org.photoparity.report.tests/target/surefire-reports/*ReportPreviewTest-output.txt \
  2>/dev/null || grep -rh "report bench:" bundles/org.photoparity.report.tests/target/surefire-reports/ || true
