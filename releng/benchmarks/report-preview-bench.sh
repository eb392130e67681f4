#!/usr/bin/env bash
# Times report.html with thumbnails for 1,000 mismatches of real photos (the JPEG and HEIC fixtures of ../shared in
# turn, linked, never copied, scanned by the project's own scanner), cold: no preview cache. Two figures: as scanned
# (files of the same content share one preview) and with the content keys taken away (every file previewed). The
# shared pipeline: EXIF thumbnail as it is, else HEIC thumbnail items, grid tiles and JPEGs decoded in batches by one
# ffmpeg run for many files. Target: under 10 s on 2 cores. Needs ffmpeg and heif-convert (libheif-examples).
#
#   releng/benchmarks/report-preview-bench.sh [--strict]     --strict fails when the target is missed
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
args="-Dphotoparity.bench=true"
[ "${1:-}" = "--strict" ] && args="$args -Dphotoparity.bench.strict=true"
cd "$root"
repo=()
# MAVEN_REPO: an offline Maven repository holding the reactor's bundles (as classpath.sh)
[ -n "${MAVEN_REPO:-}" ] && repo=(-o "-Dmaven.repo.local=$MAVEN_REPO")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q "${repo[@]}" verify -pl bundles/org.photoparity.report.tests "-DreportTestArgs=$args" \
  -Dtest=ReportPreviewTest -Dsurefire.failIfNoSpecifiedTests=false
grep -h "report bench:" bundles/org.photoparity.report.tests/target/surefire-reports/*ReportPreviewTest-output.txt \
  2>/dev/null || grep -rh "report bench:" bundles/org.photoparity.report.tests/target/surefire-reports/ || true
