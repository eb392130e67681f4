#!/usr/bin/env bash
# Linux packages that need no Java on the machine: the materialized product + a runtime made by the JDK's jlink +
# jpackage's native launcher, as photoparity_<version>_amd64.deb and photoparity-<version>-linux-x86_64.tar.gz, both
# with a desktop entry and an icon. Also trains the class-data (AOT) caches: photoparity.aot inside the packages (for
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
  --java-options -Xlog:aot=off --java-options -Xlog:cds=off
app="$work/image/photoparity"
# jpackage puts every jar of its input on the class path; the bundles must stay OSGi's: only the launcher jar
cfg="$app/lib/app/photoparity.cfg"
grep -v '^app.classpath=' "$cfg" | sed "s|^app.mainclass=|app.classpath=\$APPDIR/$launcher_jar\napp.mainclass=|" > "$cfg.tmp"
mv -f "$cfg.tmp" "$cfg"
[ "$(grep -c '^app.classpath=' "$cfg")" = 1 ] || { echo "package-linux: unexpected $cfg" >&2; cat "$cfg" >&2; exit 1; }

# 3. the AOT caches. Only the class path's classes and the JDK's are cached (bundles have their own loaders); a cache
#    that does not match is ignored (-Xlog:aot=off keeps that silent). Trained on `plugins`, which starts the
#    framework and reads the extension registry, as a technician's second start does (the first fills the
#    framework's caches); the framework caches made by training are removed again.
clean_config() { rm -rf "$1/configuration/org.eclipse.osgi" "$1/configuration/org.eclipse.core.runtime" "$1/configuration/org.eclipse.equinox.app"; }
home="$work/home"
mkdir -p "$home"
#    a) the packages' runtime, through the native launcher itself (same class path as a user's start)
cp "$cfg" "$work/cfg.orig"
PHOTOPARITY_NO_FAST_PATH=1 HOME="$home" XDG_CACHE_HOME="$home/.cache" "$app/bin/photoparity" plugins >/dev/null
sed "s|^java-options=-XX:AOTCache=.*|java-options=-XX:AOTCacheOutput=$work/photoparity.aot|" "$work/cfg.orig" > "$cfg"
PHOTOPARITY_NO_FAST_PATH=1 HOME="$home" XDG_CACHE_HOME="$home/.cache" "$app/bin/photoparity" plugins >/dev/null
cp "$work/cfg.orig" "$cfg"
clean_config "$app/lib/app"
mv -f "$work/photoparity.aot" "$app/lib/app/photoparity.aot"
#    b) the build's JDK, beside the materialized product (./photoparity and the product's start script use it)
product_jar="$(ls "$product"/plugins/org.photoparity.launcher_*.jar | sort | tail -n1)"
PHOTOPARITY_NO_FAST_PATH=1 HOME="$home" XDG_CACHE_HOME="$home/.cache" "$jdk/bin/java" -Xmx1g -jar "$product_jar" plugins >/dev/null
PHOTOPARITY_NO_FAST_PATH=1 HOME="$home" XDG_CACHE_HOME="$home/.cache" "$jdk/bin/java" -Xmx1g \
  -XX:AOTCacheOutput="$work/product.aot" -jar "$product_jar" plugins >/dev/null
mv -f "$work/product.aot" "$product/photoparity.aot"

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
