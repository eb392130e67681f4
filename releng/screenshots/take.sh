#!/usr/bin/env bash
# Takes the README's screenshots (1280x800, light and dark) in the real product, with exactly the fixes it ships:
# a copy of the built product plus the test-only scenario bundle (org.photoparity.ui.restarttest, ScreenshotScenario)
# runs under Xvfb on the demo case and on cases built from copies of the real iPhone photos in ../shared; the PNGs
# replace those in releng/screenshots/. Needs the reactor built (./mvnw install -DskipTests), xvfb-run, heif-convert
# (libheif-examples) and exiftool (libimage-exiftool-perl).
#   releng/screenshots/take.sh [--fixtures DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/releng/scripts/common.sh"
pp_find_jdk
fixtures="$root/../shared/fixtures/real/photos"
[ "${1:-}" = "--fixtures" ] && fixtures="$2"
[ -d "$fixtures" ] || { echo "take.sh: no real photos at $fixtures (give --fixtures DIR)" >&2; exit 2; }
product="$root/releng/org.photoparity.product/target/products/org.photoparity.product/linux/gtk/x86_64/photoparity"
jar="$(ls "$root"/bundles/org.photoparity.ui.restarttest/target/org.photoparity.ui.restarttest-*.jar 2>/dev/null | grep -v -- -sources | head -1 || true)"
[ -d "$product/plugins" ] && [ -n "$jar" ] || { echo "take.sh: build the reactor first (./mvnw install -DskipTests)" >&2; exit 2; }
work=/tmp/photoparity-screenshots
rm -rf "$work"
mkdir -p "$work"
cp -a "$product" "$work/photoparity"
ver="$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Bundle-Version: *//p' | tr -d '\r')"
cp "$jar" "$work/photoparity/plugins/org.photoparity.ui.restarttest_$ver.jar"
echo "org.photoparity.ui.restarttest,$ver,plugins/org.photoparity.ui.restarttest_$ver.jar,4,false" \
  >> "$work/photoparity/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
launcher="$(ls "$work"/photoparity/plugins/org.eclipse.equinox.launcher_*.jar | head -1)"
mkdir -p "$work/home"
for theme in light dark; do # the product applies a theme at start-up, so one start per theme
  rm -f "$work/shots/shots.txt"
  HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    timeout 600 xvfb-run -a -s "-screen 0 1280x800x24" "$PP_JAVA_HOME/bin/java" -Xmx1g \
    -Dphotoparity.screenshots="$work/shots" -Dphotoparity.screenshots.fixtures="$fixtures" \
    -Dphotoparity.screenshots.work="$work/work-$theme" -Dphotoparity.screenshots.theme="$theme" \
    -Dphotoparity.startupCase=none -Dphotoparity.noDialogs=true \
    -jar "$launcher" -nosplash -consoleLog -clean -data "$work/workspace-$theme" > "$work/log-$theme.txt" 2>&1 || true
  if ! grep -q '^ok=true' "$work/shots/shots.txt" 2>/dev/null; then
    echo "take.sh: the $theme scenario failed:" >&2
    sed 's/\\n/\n/g' "$work/shots/shots.txt" 2>/dev/null >&2 || tail -40 "$work/log-$theme.txt" >&2
    exit 1
  fi
done
cp "$work"/shots/*.png "$root/releng/screenshots/"
ls "$work"/shots/*.png | sed 's|.*/|take.sh: wrote releng/screenshots/|'
