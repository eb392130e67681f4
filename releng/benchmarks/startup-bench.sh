#!/usr/bin/env bash
# Start-up benchmark (issue 15): in one run, in turns, N times each (median and best):
#   java -version                          of the Java the launcher runs on (the reference)
#   photoparity --version                  as shipped (answered from the bundle list, no OSGi)
#   photoparity --version, through OSGi    PHOTOPARITY_NO_FAST_PATH=1: the framework up to the headless level
#   photoparity plugins                    a headless command that reads the extension registry
#   the workbench window                   until postWindowOpen (demo case opening), under Xvfb when DISPLAY is unset
#   --version as before issue 15            java -jar plugins/org.eclipse.equinox.launcher_*.jar ... -application
#                                          org.photoparity.cli.app --version: every bundle at its start level, no AOT
# and checks the target: --version median <= 4x the java -version median.
#
#   releng/benchmarks/startup-bench.sh [--launcher PATH] [--java PATH] [--runs 5] [--no-workbench]
#
#   --launcher  default ./photoparity of this tree (the materialized product on the build's JDK); give
#               /opt/photoparity/bin/photoparity (the .deb's start script; bin/photoparity-desktop its native
#               launcher) or an unpacked .tar.gz's bin/photoparity to time those
#   --java      the reference java; default: the launcher's bundled runtime (lib/runtime/bin/java next to a package's
#               launcher), else the JDK that ./photoparity uses
# Other builds on the machine change the figures: the load average is printed with them.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
launcher="$root/photoparity"
java=""
runs=5
workbench=1
while [ $# -gt 0 ]; do
  case "$1" in
    --launcher) launcher="$2"; shift 2;;
    --java) java="$2"; shift 2;;
    --runs) runs="$2"; shift 2;;
    --no-workbench) workbench=0; shift;;
    *) echo "startup-bench: unknown option $1" >&2; exit 2;;
  esac
done
if [ -z "$java" ]; then
  bundled="$(dirname "$(dirname "$(readlink -f "$launcher")")")/lib/runtime/bin/java"
  if [ -x "$bundled" ]; then java="$bundled"; else . "$root/releng/scripts/common.sh"; pp_find_jdk; java="$PP_JAVA_HOME/bin/java"; fi
fi
# the product folder (plugins/ and configuration/) behind the launcher, for the "as before" row
if [ -d "$(dirname "$(readlink -f "$launcher")")/../lib/app/plugins" ]; then
  product="$(cd "$(dirname "$(readlink -f "$launcher")")/../lib/app" && pwd)"
elif [ "$(readlink -f "$launcher")" = "$(readlink -f "$root/photoparity")" ]; then
  . "$root/releng/scripts/common.sh"; product="$(pp_product_dir)"
else
  product="$(dirname "$(readlink -f "$launcher")")"
fi
equinox="$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar | head -n1)"
work="$(mktemp -d)"
. "$(dirname "$0")/xvfb.sh"
trap 'rm -rf "$work"; [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true' EXIT
export XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" PHOTOPARITY_NO_PROGRESS=1

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
time_cmd() { # prints milliseconds of one run of "$@" (output discarded, must succeed)
  local t0 t1; t0=$(now); "$@" >/dev/null 2>&1 || { echo "startup-bench: failed: $*" >&2; exit 1; }; t1=$(now); ms "$t0" "$t1"
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
best() { tr ' ' '\n' | grep -v '^$' | sort -n | head -n1; }

# warm-up: the first start after a build fills the framework's caches; not what a technician sees afterwards
"$launcher" plugins >/dev/null 2>&1 || { echo "startup-bench: $launcher plugins failed" >&2; exit 1; }
[ "$("$launcher" --version)" = "$(PHOTOPARITY_NO_FAST_PATH=1 "$launcher" --version 2>/dev/null)" ] \
  || { echo "startup-bench: --version differs with and without OSGi" >&2; exit 1; }

jv=() fast=() osgi=() plug=() wb=() before=()
for i in $(seq "$runs"); do
  jv+=("$(time_cmd "$java" -version)")
  fast+=("$(time_cmd "$launcher" --version)")
  osgi+=("$(time_cmd env PHOTOPARITY_NO_FAST_PATH=1 "$launcher" --version)")
  plug+=("$(time_cmd "$launcher" plugins)")
  before+=("$(time_cmd "$java" -Xmx1g -jar "$equinox" -nosplash -consoleLog -data @none -application org.photoparity.cli.app --version)")
done

if [ "$workbench" = 1 ]; then
  pp_xvfb 1280x1024x24
  for i in $(seq "$runs"); do
    log="$work/wb-$i.log"
    # the start scripts pass PHOTOPARITY_JAVA_OPTS to the JVM; the native launcher applies its -D entries
    PHOTOPARITY_JAVA_OPTS="-Dphotoparity.printStartup=true" \
      "$launcher" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1200); do grep -q "workbench usable after" "$log" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    v="$(sed -n 's/.*workbench usable after \([0-9]*\) ms.*/\1/p' "$log" | head -n1)"
    [ -n "$v" ] || { echo "startup-bench: the workbench did not open:" >&2; tail -n 20 "$log" >&2; exit 1; }
    wb+=("$v")
  done
fi

m_jv=$(echo "${jv[*]}" | median); m_fast=$(echo "${fast[*]}" | median); m_osgi=$(echo "${osgi[*]}" | median)
echo "launcher: $launcher"
echo "java:     $java ($("$java" -version 2>&1 | head -n1))"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
printf '%-34s %8s %8s   %s\n' "what ($runs runs, ms)" median best "all"
printf '%-34s %8s %8s   %s\n' "java -version" "$m_jv" "$(echo "${jv[*]}" | best)" "${jv[*]}"
printf '%-34s %8s %8s   %s\n' "photoparity --version" "$m_fast" "$(echo "${fast[*]}" | best)" "${fast[*]}"
printf '%-34s %8s %8s   %s\n' "photoparity --version (OSGi)" "$m_osgi" "$(echo "${osgi[*]}" | best)" "${osgi[*]}"
printf '%-34s %8s %8s   %s\n' "--version as before (equinox jar)" "$(echo "${before[*]}" | median)" "$(echo "${before[*]}" | best)" "${before[*]}"
printf '%-34s %8s %8s   %s\n' "photoparity plugins" "$(echo "${plug[*]}" | median)" "$(echo "${plug[*]}" | best)" "${plug[*]}"
[ "$workbench" = 1 ] && printf '%-34s %8s %8s   %s\n' "workbench window (JVM start ->)" "$(echo "${wb[*]}" | median)" "$(echo "${wb[*]}" | best)" "${wb[*]}"
ratio=$(awk -v a="$m_fast" -v b="$m_jv" 'BEGIN {printf "%.2f", a / b}')
ratio_osgi=$(awk -v a="$m_osgi" -v b="$m_jv" 'BEGIN {printf "%.2f", a / b}')
echo "--version / java -version: ${ratio}x (target <= 4x); through OSGi: ${ratio_osgi}x"
awk -v r="$ratio" 'BEGIN {exit !(r <= 4)}' && echo "PASS" || { echo "FAIL"; exit 1; }
