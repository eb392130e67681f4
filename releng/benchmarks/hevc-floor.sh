#!/usr/bin/env bash
# The floor under report-preview-bench.sh's "every file" figure: how long ffmpeg alone takes to decode the HEVC tiles
# of the 125 thumbnail-less grid HEICs among its 1,000 files, on all cores, with nothing else to do. The tiles are
# taken out of ../shared's iphone_7.heic by the project's own ContainerThumbnails.heifGrid (the stream the report's
# batches give ffmpeg), repeated, split into one part per core and decoded by one ffmpeg per part, as FfmpegBatches
# does: once with no output (decoding only) and once scaled to the report's tile size as the report asks (bicubic, and
# "area"). Prints the wall time of each round (all parts side by side) and the parts' CPU. Nothing is written outside
# a temporary folder; the fixture is only read.
#
#   releng/benchmarks/hevc-floor.sh [--files N] [--rounds R]     defaults: 125 files, 3 rounds
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
files=125
rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "usage: $0 [--files N] [--rounds R]" >&2; exit 2 ;;
  esac
done
heic="$root/../shared/fixtures/real/photos/iphone_7.heic"
[ -f "$heic" ] || { echo "hevc-floor: $heic not found" >&2; exit 2; }
command -v ffmpeg >/dev/null || { echo "hevc-floor: needs ffmpeg" >&2; exit 2; }
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar() { ls "$root"/bundles/"$1"/target/"$1"-*.jar 2>/dev/null | grep -v -- '-sources\.jar$' | head -1; }
cp="$(jar org.photoparity.report):$(jar org.photoparity.core)"
case "$cp" in :*|*:) echo "hevc-floor: build the reactor first (./mvnw install -DskipTests)" >&2; exit 2 ;; esac
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/Tiles.java" <<'EOF'
import java.nio.file.Files;
import java.nio.file.Path;
import org.photoparity.report.preview.ContainerThumbnails;
public class Tiles {
    public static void main(String[] a) throws Exception {
        ContainerThumbnails.HeifGrid g = ContainerThumbnails.heifGrid(Files.readAllBytes(Path.of(a[0])));
        if (g == null) throw new IllegalStateException(a[0] + " is not a HEIC grid");
        Files.write(Path.of(a[1]), g.annexB());
        System.out.println(g.tiles() + " tiles of " + g.tileWidth() + " x " + g.tileHeight() + ", "
                + g.annexB().length + " bytes of HEVC");
    }
}
EOF
"$java" -cp "$cp" "$tmp/Tiles.java" "$heic" "$tmp/one.hevc"
cores="$(nproc)"
per=$(( (files + cores - 1) / cores ))
for ((i = 0; i < per; i++)); do cat "$tmp/one.hevc"; done > "$tmp/part.hevc"
echo "files $files in $cores parts of $per, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
  for how in decode bicubic area; do
    case "$how" in
      decode) out=(-f null -) ;;
      bicubic) out=(-vsync 0 -vf scale=56:56 -f rawvideo -pix_fmt rgb24 -) ;;
      area) out=(-vsync 0 -vf scale=56:56:flags=area -f rawvideo -pix_fmt rgb24 -) ;;
    esac
    t0=$(date +%s%N)
    for ((k = 0; k < cores; k++)); do
      /usr/bin/time -f "%U %S" -o "$tmp/cpu.$k" ffmpeg -v error -threads 1 -f hevc -i "$tmp/part.hevc" "${out[@]}" \
        > /dev/null &
    done
    wait
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    cpu=$(cat "$tmp"/cpu.* | awk '{s += $1 + $2} END {printf "%.2f", s}')
    echo "round $r $how: ${ms} ms wall, ffmpeg CPU ${cpu} s ($(awk -v c="$cpu" -v n="$((per * cores))" \
      'BEGIN {printf "%.3f", c / n}') s a file)"
  done
done
