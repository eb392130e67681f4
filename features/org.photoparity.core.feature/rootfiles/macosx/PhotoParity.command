#!/bin/sh
# PhotoParity start script (macOS, Apple silicon). Double-click it in the Finder to open the workbench, or run
#   ./PhotoParity.command <command> ...   headless (./PhotoParity.command --help lists the commands)
# Java: runtime/ next to this script when there is one, else JAVA_HOME, else /usr/libexec/java_home -v 21+, else java
# on the PATH; it must be 21 or newer. SWT on macOS needs the first thread: -XstartOnFirstThread.
# JVM options: PHOTOPARITY_JAVA_OPTS.
here=$(cd "$(dirname "$0")" && pwd -P)
java_home=""
pick() { # $1 = a Java home
  [ -x "$1/bin/java" ] || return 1
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [ -n "$v" ] && [ "$v" -lt 21 ]; then return 1; fi  # no release file: the launcher checks the version
  java_home=$1
}
pick "$here/runtime/Contents/Home" || pick "$here/runtime" || { [ -n "${JAVA_HOME:-}" ] && pick "$JAVA_HOME"; } \
  || { [ -x /usr/libexec/java_home ] && pick "$(/usr/libexec/java_home -v 21+ 2>/dev/null)"; } \
  || { j=$(command -v java) && pick "$(cd "$(dirname "$j")/.." && pwd -P)"; } || {
  echo "photoparity: no Java 21 or newer found (looked at $here/runtime, JAVA_HOME, java_home, java on the PATH)." >&2
  echo "Install one (e.g. Eclipse Temurin 21+ for macOS aarch64) and set JAVA_HOME to it." >&2
  exit 1
}
launcher=""
for f in "$here"/plugins/org.photoparity.launcher_*.jar; do [ -f "$f" ] && launcher=$f; done
[ -n "$launcher" ] || { echo "photoparity: no plugins/org.photoparity.launcher_*.jar in $here" >&2; exit 1; }
# shellcheck disable=SC2086 # PHOTOPARITY_JAVA_OPTS holds several options on purpose
exec "$java_home/bin/java" -XstartOnFirstThread -Xdock:name=PhotoParity -Xmx1g ${PHOTOPARITY_JAVA_OPTS:-} \
  -jar "$launcher" "$@"
