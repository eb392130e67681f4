#!/usr/bin/env bash
# The floor under issue 15's "workbench window in under 2 s with a case": how long the same runtime takes to map a
# window with less and less on top of it, each started in turn with PhotoParity (N rounds, median and best):
#   swt          plain Java with the product's SWT jar, one shell: no OSGi, no AOT cache (its class path is not the
#                launcher's)
#   e4           the product's Equinox and E4 through the product's launcher, pure E4 (no 3.x compatibility
#                layer): one window with one empty part stack (floor/Application.e4xmi)
#   compat       the same with the 3.x compatibility workbench PhotoParity's views, the Progress view and p2's
#                install pages need: one window, an empty perspective, no views (floor/src/floor/CompatApp.java)
#   photoparity  the product restarted with the demo case, as workbench-start.sh measures it
# The floor bundle is compiled here against the product's jars and added to a copy of the product (in a temp
# folder; the product itself is not changed). Every variant uses the product's Java, start script options and,
# except swt, its AOT cache. Window mapped and painted (< 20 % black) as workbench-start.sh, by xwatch.py.
#
#   releng/benchmarks/workbench-floor.sh [--product DIR] [--runs 5]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/releng/scripts/common.sh"
pp_find_jdk
product="$(pp_product_dir)"
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --product) product="$2"; shift 2;;
    --runs) runs="$2"; shift 2;;
    *) echo "workbench-floor: unknown option $1" >&2; exit 2;;
  esac
done
ls "$product"/plugins/org.photoparity.launcher_*.jar >/dev/null 2>&1 \
  || { echo "workbench-floor: no product at $product (./mvnw install -DskipTests first)" >&2; exit 2; }
for tool in python3 Xvfb; do
  command -v "$tool" >/dev/null || { echo "workbench-floor: $tool is needed" >&2; exit 2; }
done
java="$PP_JAVA_HOME/bin/java"
export JAVA_HOME="$PP_JAVA_HOME"  # the product's start script takes its Java from here
. "$here/workbench-common.sh"
pp_workbench_bench workbench-floor

# the floor bundle, built against the product's own jars, in a copy of the product
cp -a "$product" "$work/product"
p="$work/product"
cp_jars="$(ls "$p"/plugins/*.jar | tr '\n' ':')"
mkdir -p "$work/classes"
"$PP_JAVA_HOME/bin/javac" -nowarn --release 21 -cp "$cp_jars" -d "$work/classes" "$here"/floor/src/floor/*.java
cp "$here/floor/plugin.xml" "$here/floor/Application.e4xmi" "$work/classes/"
"$PP_JAVA_HOME/bin/jar" cfm "$p/plugins/floor_1.0.0.jar" "$here/floor/META-INF/MANIFEST.MF" -C "$work/classes" .
echo "floor,1.0.0,plugins/floor_1.0.0.jar,4,false" >> "$p/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
swt="$(ls "$p"/plugins/org.eclipse.swt.gtk.linux.x86_64_*.jar | head -n1)"
launch=("$p/photoparity")

# PhotoParity's first start makes and analyses the demo case; the timed ones are restarts with it
pp_demo_first_start "${launch[@]}"

variants=(swt e4 compat photoparity)
declare -A mapped painted
for i in $(seq "$runs"); do
  for v in "${variants[@]}"; do
    case "$v" in
      swt) cmd=("$java" -Xmx1g -cp "$swt:$work/classes" floor.SwtShell);;
      e4) cmd=("${launch[@]}" workbench -data "$work/ws-e4" -application org.eclipse.e4.ui.workbench.swt.E4Application
             -applicationXMI floor/Application.e4xmi -clearPersistedState);;
      compat) cmd=("${launch[@]}" workbench -data "$work/ws-compat" -application floor.compat);;
      photoparity) cmd=("${launch[@]}");;
    esac
    coproc XW { python3 "$here/xwatch.py" '^(.* - )?PhotoParity *$' 'PhotoParity' 120; }
    read -r ready <&"${XW[0]}"
    [ "$ready" = ready ] || { echo "workbench-floor: xwatch did not start" >&2; exit 1; }
    t0=$(now)
    echo "$t0" >&"${XW[1]}"
    "${cmd[@]}" >"$work/$v.log" 2>&1 &
    pid=$!
    read -r seen <&"${XW[0]}"
    wait "$XW_PID" 2>/dev/null || true
    sleep 1
    stop
    m="$(echo "$seen" | sed -n 's/.*mapped=\(-*[0-9]*\).*/\1/p')"
    pa="$(echo "$seen" | sed -n 's/.*painted=\(-*[0-9]*\).*/\1/p')"
    [ "${m:--1}" -ge 0 ] && [ "${pa:--1}" -ge 0 ] \
      || { echo "workbench-floor: $v, run $i: $seen" >&2; tail -n 20 "$work/$v.log" >&2; exit 1; }
    mapped[$v]="${mapped[$v]:-} $m"
    painted[$v]="${painted[$v]:-} $pa"
  done
done

echo "product:  $product"
echo "java:     $("$java" -version 2>&1 | head -n1)"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
printf '%-12s %-10s %8s %8s   %s\n' "($runs runs)" "ms" median best all
for v in "${variants[@]}"; do
  printf '%-12s %-10s %8s %8s   %s\n' "$v" mapped "$(echo "${mapped[$v]}" | median)" "$(echo "${mapped[$v]}" | best)" "${mapped[$v]# }"
  printf '%-12s %-10s %8s %8s   %s\n' "" painted "$(echo "${painted[$v]}" | median)" "$(echo "${painted[$v]}" | best)" "${painted[$v]# }"
done
