# Shared by ./photoparity, ./mvnw and .ci/run: find a JDK 21+ and Maven 3.9, without any registry address.
# Sourced, not run. Sets PP_JAVA_HOME, PP_MVN.

pp_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

pp_java_major() { # $1 = java binary; the JDK's release file when it has one (no JVM started), else asks the JVM
  local rel; rel="$(dirname "$(dirname "$1")")/release"
  if [ -f "$rel" ] && grep -q '^JAVA_VERSION="[0-9]' "$rel"; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel" | head -n1
    return
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1 | cut -d. -f1
}

pp_find_jdk() {
  local cand
  for cand in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV) "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    local major; major="$(pp_java_major "$cand/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then PP_JAVA_HOME="$cand"; return 0; fi
  done
  echo "photoparity: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm/*, java on PATH)." >&2
  echo "Install one (e.g. Eclipse Temurin 21+ or an OpenJDK 21+ package) and set JAVA_HOME to it." >&2
  return 1
}

pp_mvn_version_ok() { # $1 = mvn binary; true when Maven >= 3.9
  local v; v="$(JAVA_HOME="$PP_JAVA_HOME" "$1" -v 2>/dev/null | sed -n 's/^Apache Maven \([0-9]*\)\.\([0-9]*\).*/\1 \2/p' | head -n1)"
  set -- $v
  [ -n "${1:-}" ] && { [ "$1" -gt 3 ] || { [ "$1" -eq 3 ] && [ "$2" -ge 9 ]; }; }
}

pp_find_maven() {
  local local_mvn="$pp_root/.mvn-local/apache-maven-3.9.11/bin/mvn"
  if [ -x "$local_mvn" ]; then PP_MVN="$local_mvn"; return 0; fi
  if command -v mvn >/dev/null 2>&1 && pp_mvn_version_ok "$(command -v mvn)"; then PP_MVN="$(command -v mvn)"; return 0; fi
  if ! command -v mvn >/dev/null 2>&1; then
    echo "photoparity: Maven is needed to build (Debian: apt-get install maven); it then fetches Maven 3.9.11 itself." >&2
    return 1
  fi
  # An older Maven fetches 3.9.11 from its own default repository: no address is written here.
  echo "photoparity: fetching Maven 3.9.11 with $(mvn -v 2>/dev/null | head -n1)..." >&2
  mkdir -p "$pp_root/.mvn-local"
  # run outside the project: the old Maven must not load the project's Tycho build extension
  local scratch; scratch="$(mktemp -d)"
  (cd "$scratch" && JAVA_HOME="$PP_JAVA_HOME" mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=org.apache.maven:apache-maven:3.9.11:zip:bin -DoutputDirectory="$pp_root/.mvn-local" >&2) || return 1
  rm -rf "$scratch"
  (cd "$pp_root/.mvn-local" && unzip -q -o apache-maven-3.9.11-bin.zip) || return 1
  PP_MVN="$local_mvn"
}

pp_product_dir() {
  echo "$pp_root/releng/org.photoparity.product/target/products/org.photoparity.product/linux/gtk/x86_64/photoparity"
}
