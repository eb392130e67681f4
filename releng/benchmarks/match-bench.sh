#!/usr/bin/env bash
# Times the match engine through the product: `photoparity bench-match` reconciles synthetic device and cloud
# sides of 10 000, 100 000 and 1 000 000 assets (planted differences: missing, converted, reduced, duplicates,
# edits, incomplete Live Photos, time shifts, renamed copies), warm-up first, then best and median of N, and checks
# that every planted difference was found.
#
#   releng/benchmarks/match-bench.sh [--product DIR] [--sizes 10000,100000,1000000] [--runs 5] [--warmup 3]
#
#   --product DIR  a materialized product (the folder holding plugins/); default: ./photoparity of this tree,
#                  which builds the product first when it is missing
# One million assets per side need about 4 GB of heap: PHOTOPARITY_JAVA_OPTS defaults to -Xmx6g here.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
product=""
if [ "${1:-}" = "--product" ]; then
  [ $# -ge 2 ] || { echo "match-bench: --product needs the product folder" >&2; exit 2; }
  product="$2"
  shift 2
fi
export PHOTOPARITY_JAVA_OPTS="${PHOTOPARITY_JAVA_OPTS:--Xmx6g}"
if [ -z "$product" ]; then
  exec "$root/photoparity" bench-match "$@"
fi
launcher="$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n1 || true)"
if [ -z "$launcher" ]; then
  echo "match-bench: no plugins/org.eclipse.equinox.launcher_*.jar under $product: give the materialized product" \
       "folder (e.g. releng/org.photoparity.product/target/products/org.photoparity.product/linux/gtk/x86_64/photoparity)" >&2
  exit 2
fi
. "$root/releng/scripts/common.sh"
pp_find_jdk
# shellcheck disable=SC2086 # PHOTOPARITY_JAVA_OPTS holds several options on purpose
exec "$PP_JAVA_HOME/bin/java" $PHOTOPARITY_JAVA_OPTS -jar "$launcher" -nosplash -consoleLog -data @none \
  -application org.photoparity.cli.app bench-match "$@"
