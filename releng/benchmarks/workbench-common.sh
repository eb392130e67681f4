# Sourced by the benchmarks that restart the workbench (workbench-start.sh, workbench-floor.sh).
#   pp_workbench_bench NAME   a temp folder ($work) that everything the workbench writes goes to (HOME and the XDG
#                             folders point into it), Xvfb at 1440x900 when DISPLAY is unset, and a trap that stops
#                             the running program ($pid), Xvfb and removes $work on exit; NAME prefixes messages
#   pp_demo_first_start CMD...  the first start: the demo case is made and analysed (its results saved in the case
#                             folder), then the program is stopped; exits when that does not happen
#   now, median, best, stop   nanosecond clock, median and best of a space-separated list, stop $pid
pp_workbench_bench() {
  pp_bench_name="$1"
  work="$(mktemp -d)"
  . "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"
  pid=""
  trap pp_workbench_bench_cleanup EXIT
  export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
  mkdir -p "$HOME"
  pp_xvfb 1440x900x24
}

pp_workbench_bench_cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}

now() { date +%s%N; }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
best() { tr ' ' '\n' | grep -v '^$' | sort -n | head -n1; }
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; }

pp_demo_first_start() {
  "$@" >"$work/first.log" 2>&1 &
  pid=$!
  local report="$XDG_CACHE_HOME/photoparity/demo-case/results/report.json"
  for _ in $(seq 1800); do [ -f "$report" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  [ -f "$report" ] || {
    echo "$pp_bench_name: the first start did not analyse the demo case:" >&2
    tail -n 20 "$work/first.log" >&2
    exit 1
  }
  sleep 1
  stop
}
