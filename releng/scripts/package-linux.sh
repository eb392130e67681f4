#!/usr/bin/env bash
# Linux packages that need no Java on the machine: the materialized product + a runtime made by the JDK's jlink +
# jpackage's native launcher (bin/photoparity-desktop, the menu entry's) + a start script (bin/photoparity, the
# command), as photoparity_<version>_amd64.deb and photoparity-<version>-linux-x86_64.tar.gz, both with a desktop
# entry and an icon. Also trains the class-data (AOT) caches: photoparity.aot inside the packages (for
# their runtime) and in the materialized product (for the build's JDK, used by ./photoparity).
#
#   releng/scripts/package-linux.sh PRODUCT_DIR OUT_DIR VERSION
#
# Needs a JDK 25 (jlink, jpackage, -XX:AOTCacheOutput) found as in common.sh, and fakeroot + dpkg-deb for the .deb
# (Debian packages fakeroot and dpkg). The .deb depends on GTK 3 (SWT loads it). Run by `./mvnw verify -Plinux-packages` (releng/org.photoparity.product).
set -euo pipefail
product="$(cd "$1" && pwd)"
out="$2"
version="$3"
. "$(dirname "$0")/common.sh"
pp_find_jdk
jdk="$PP_JAVA_HOME"
[ "$(pp_java_major "$jdk/bin/java")" -ge 25 ] || { echo "package-linux: needs a JDK 25+ (jlink, jpackage, AOT cache); found $jdk" >&2; exit 1; }
for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "package-linux: $tool is missing (apt-get install fakeroot dpkg)" >&2; exit 1; }
done
packaging="$pp_root/releng/packaging/linux"  # the icon and the desktop entry (jpackage resource folder)
icon="$packaging/photoparity.png"
mkdir -p "$out"
work="$(mktemp -d "$out/.work.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# 1. a runtime: every java.* module (Equinox exports what the boot layer has) and the jdk.* ones the bundles use
#    (sun.misc.Unsafe, zip file systems, charsets, locales, EC crypto for TLS)
"$jdk/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.zipfs,jdk.charsets,jdk.localedata,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.net,jdk.management,jdk.xml.dom,jdk.security.auth,jdk.naming.dns \
  --strip-debug --no-header-files --no-man-pages --output "$work/runtime"

# 2. the product as jpackage input: a clean copy (no framework caches from earlier runs, no Java-only start scripts)
mkdir -p "$work/input"
cp -a "$product/." "$work/input/"
rm -rf "$work/input/configuration/org.eclipse.osgi" "$work/input/configuration/org.eclipse.core.runtime" \
  "$work/input/configuration/org.eclipse.equinox.app" "$work/input/photoparity.aot" "$work/input/eclipse.ini" \
  "$work/input/photoparity"
launcher_jar="$(cd "$work/input" && ls plugins/org.photoparity.launcher_*.jar | sort | tail -n1)"
app_version="${version%%.*}.$(echo "$version" | cut -d. -f2).$(echo "$version" | cut -d. -f3)"

"$jdk/bin/jpackage" --type app-image --name photoparity --dest "$work/image" --input "$work/input" \
  --main-jar "$launcher_jar" --main-class org.photoparity.launcher.Main --runtime-image "$work/runtime" \
  --app-version "$app_version" --vendor PhotoParity --icon "$icon" \
  --description "Reconciles an iPhone or iPad photo library with its iCloud library" \
  --java-options -Xmx1g --java-options "-XX:AOTCache=\$APPDIR/photoparity.aot" \
  --java-options --enable-native-access=ALL-UNNAMED \
  --java-options -Xlog:aot=off --java-options -Xlog:cds=off
app="$work/image/photoparity"
# jpackage puts every jar of its input on the class path; the bundles must stay OSGi's: only the launcher jar
cfg="$app/lib/app/photoparity.cfg"
grep -v '^app.classpath=' "$cfg" | sed "s|^app.mainclass=|app.classpath=\$APPDIR/$launcher_jar\napp.mainclass=|" > "$cfg.tmp"
mv -f "$cfg.tmp" "$cfg"
[ "$(grep -c '^app.classpath=' "$cfg")" = 1 ] || { echo "package-linux: unexpected $cfg" >&2; cat "$cfg" >&2; exit 1; }

# 3. the AOT caches: the JDK's classes, the class path's and the bundles' (a JDK 25 cache keeps classes of other
#    loaders too, matched by their bytes when a bundle loader defines them), with the method profiles of the training
#    run; a cache that does not match is ignored (-Xlog:aot=off keeps that silent). Trained on what a technician waits
#    for: the workbench restarted with a case (the demo case, made and analysed by a first start), until its saved
#    results are shown; without a display (and no Xvfb) on `plugins`, a headless command. A headless `plugins` run
#    first fills the framework's and the extension registry's caches, as a technician's first start does; in the
#    packages they are removed again (their configuration is the user's).
clean_config() { rm -rf "$1/configuration/org.eclipse.osgi" "$1/configuration/org.eclipse.core.runtime" "$1/configuration/org.eclipse.equinox.app"; }
home="$work/home"
mkdir -p "$home"
export HOME="$home" XDG_CACHE_HOME="$home/.cache" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
xvfb_pid=""
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null 2>&1; then
  . "$pp_root/releng/benchmarks/xvfb.sh"
  pp_xvfb 1280x800x24
  trap 'rm -rf "$work"; [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true' EXIT
fi
# workbench_until LOG report|shown CMD...: runs the workbench (PHOTOPARITY_JAVA_OPTS reaches the native launcher's JVM as system properties,
# org.photoparity.launcher.Main) until its case's results are shown, then stops it (the JVM writes its cache on exit)
workbench_until() {
  local log="$1" what="$2"; shift 2
  PHOTOPARITY_JAVA_OPTS="-Dphotoparity.printStartup=true" "$@" >"$log" 2>&1 &
  local pid=$! i
  for i in $(seq 3000); do
    case "$what" in
      report) [ -f "$XDG_CACHE_HOME/photoparity/demo-case/results/report.json" ] && break;;
      shown) grep -q "results shown after" "$log" && break;;
    esac
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  sleep 1
  kill "$pid" 2>/dev/null || true
  wait "$pid" || true
}
train() { # OUT CMD...: the cache of the workbench restarted with the demo case (or of `plugins` without a display)
  local out="$1"; shift
  if [ -n "${DISPLAY:-}" ]; then
    workbench_until "$work/train.log" shown "$@"
  else
    echo "package-linux: no display, the AOT cache is trained on a headless command" >&2
    PHOTOPARITY_NO_FAST_PATH=1 "$@" plugins >/dev/null
  fi
  [ -s "$out" ] || { echo "package-linux: no AOT cache was written ($out)" >&2; tail -n 20 "$work/train.log" >&2 2>/dev/null; exit 1; }
}
#    a) the packages' runtime, through the native launcher itself (same class path as a user's start)
cp "$cfg" "$work/cfg.orig"
PHOTOPARITY_NO_FAST_PATH=1 "$app/bin/photoparity" plugins >/dev/null
if [ -n "${DISPLAY:-}" ]; then  # the demo case, made and analysed by a first start
  workbench_until "$work/first.log" report "$app/bin/photoparity"
  [ -f "$XDG_CACHE_HOME/photoparity/demo-case/results/report.json" ] \
    || { echo "package-linux: the first start did not analyse the demo case" >&2; tail -n 20 "$work/first.log" >&2; exit 1; }
fi
sed "s|^java-options=-XX:AOTCache=.*|java-options=-XX:AOTCacheOutput=$work/photoparity.aot|" "$work/cfg.orig" > "$cfg"
train "$work/photoparity.aot" "$app/bin/photoparity"
cp "$work/cfg.orig" "$cfg"
clean_config "$app/lib/app"
mv -f "$work/photoparity.aot" "$app/lib/app/photoparity.aot"
#    b) the build's JDK, beside the materialized product (./photoparity and the product's start script use it)
product_jar="$(ls "$product"/plugins/org.photoparity.launcher_*.jar | sort | tail -n1)"
PHOTOPARITY_NO_FAST_PATH=1 "$jdk/bin/java" -Xmx1g -jar "$product_jar" plugins >/dev/null
train "$work/product.aot" "$jdk/bin/java" -Xmx1g -XX:AOTCacheOutput="$work/product.aot" -jar "$product_jar"
mv -f "$work/product.aot" "$product/photoparity.aot"

# 3b. two ways in, one set of JVM options (the launcher's cfg): the menu entry starts jpackage's native launcher,
#     renamed bin/photoparity-desktop (it reads lib/app/photoparity-desktop.cfg, named after itself); what a technician
#     types, bin/photoparity, is a POSIX sh script that starts the bundled runtime with the same options, class path
#     and main class. jpackage's launcher asks rpm and then dpkg which package owns it, twice, at every start (dpkg -S
#     reads every installed package's file list): about 0.45 s here, where the JVM answers --version in 0.28 s.
mv -f "$app/bin/photoparity" "$app/bin/photoparity-desktop"
mv -f "$cfg" "$app/lib/app/photoparity-desktop.cfg"
cfg="$app/lib/app/photoparity-desktop.cfg"
# shellcheck disable=SC2016 # $app is expanded by the written script, at its start
java_opts="$(sed -n 's/^java-options=//p' "$cfg" | sed 's|\$APPDIR|$app/lib/app|g' | sed 's/.*/"&"/' | tr '\n' ' ')"
# shellcheck disable=SC2016
class_path="$(sed -n 's/^app.classpath=//p' "$cfg" | sed 's|\$APPDIR|$app/lib/app|g')"
main_class="$(sed -n 's/^app.mainclass=//p' "$cfg")"
[ -n "$java_opts" ] && [ -n "$class_path" ] && [ -n "$main_class" ] \
  || { echo "package-linux: cannot read the options of $cfg" >&2; cat "$cfg" >&2; exit 1; }
cat > "$app/bin/photoparity" <<EOF
#!/bin/sh
# PhotoParity: the workbench (no arguments) or a headless command (photoparity --help lists them), started on the
# Java runtime this package carries (../lib/runtime); nothing else is needed on the machine. JVM options:
# PHOTOPARITY_JAVA_OPTS. The menu entry starts the native launcher photoparity-desktop, which reads the same options
# from ../lib/app/photoparity-desktop.cfg (this script was written from that file by releng/scripts/package-linux.sh)
# but asks rpm and dpkg which package owns it at every start. Only shell built-ins here (and readlink for a linked
# script, when there is one).
self=\$0
if [ -h "\$self" ] && command -v readlink >/dev/null 2>&1; then self=\$(readlink -f "\$self"); fi
case "\$self" in */*) ;; *) self=./\$self;; esac
app=\$(cd -P "\${self%/*}/.." && pwd -P) || exit 1
# shellcheck disable=SC2086 # PHOTOPARITY_JAVA_OPTS holds several options on purpose
exec "\$app/lib/runtime/bin/java" $java_opts \${PHOTOPARITY_JAVA_OPTS:-} -cp "$class_path" $main_class "\$@"
EOF
chmod 755 "$app/bin/photoparity"

# 4. the .deb: installs to /opt/photoparity, a menu entry (Graphics) and the icon
# gzip: xz (dpkg-deb's default) takes minutes on 2 cores for a package this size
DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=6 \
"$jdk/bin/jpackage" --type deb --app-image "$app" --name photoparity --dest "$work/deb" --app-version "$app_version" \
  --vendor PhotoParity --description "Reconciles an iPhone or iPad photo library with its iCloud library" \
  --icon "$icon" --linux-shortcut --linux-menu-group Graphics --linux-app-category graphics \
  --linux-package-name photoparity --linux-deb-maintainer "photoparity@localhost" --resource-dir "$packaging" \
  --linux-package-deps "libgtk-3-0 | libgtk-3-0t64"
deb="$(ls "$work/deb"/*.deb)"
mv -f "$deb" "$out/$(basename "$deb")"

# 5. the .tar.gz: the same app image, with a desktop entry and the icon for unpacking into /opt
cp "$icon" "$app/lib/photoparity.png"
# unpacked into /opt (tar -C /opt -xzf ...): copy photoparity.desktop to ~/.local/share/applications
cp "$packaging/photoparity.desktop" "$app/photoparity.desktop"
tarball="$out/photoparity-$app_version-linux-x86_64.tar.gz"
tar -C "$work/image" -czf "$tarball.tmp" photoparity
mv -f "$tarball.tmp" "$tarball"
ls -la "$out"
