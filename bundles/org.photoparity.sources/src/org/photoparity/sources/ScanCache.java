package org.photoparity.sources;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.photoparity.core.io.AtomicWriter;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.media.MetadataMediaReader;

/**
 * What earlier scans read from each file, keyed on (source path, relative path, size, modified time and, for files of
 * a folder, a change stamp from the inode change time and the file key), so a rescan of an unchanged library opens no
 * file at all. A file whose size, modified time, change time or inode changed is read again: rewriting a file and
 * setting its old modified time back (touch -d, a sync tool) changes its ctime, and a file replaced by another one
 * has another inode. Stored in one compact
 * binary file that never lives under a source (default: ~/.cache/photoparity/scan-cache.bin); written to a temporary
 * file and moved into place, so a crash never leaves half a cache. An unreadable or older-format cache is ignored
 * and rebuilt.
 */
public final class ScanCache {

    private static final int MAGIC = 0x50505343; // "PPSC"
    private static final int FORMAT = 3; // 2: the payload key; 3: the change stamp (ctime, file key)

    private final Path file;
    private final Map<String, Map<String, Entry>> loaded;
    private final Map<String, Map<String, Entry>> fresh = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final String problem;
    private volatile boolean changed;

    private record Entry(long size, long modified, long change, MediaFile file) {
    }

    private ScanCache(Path file, Map<String, Map<String, Entry>> loaded, String problem) {
        this.file = file;
        this.loaded = loaded;
        this.problem = problem;
    }

    /** $XDG_CACHE_HOME/photoparity/scan-cache.bin, else ~/.cache/photoparity/scan-cache.bin. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("photoparity").resolve("scan-cache.bin");
    }

    /** Loads the cache; a missing file is an empty cache, an unreadable one is ignored (see {@link #problem()}). */
    public static ScanCache load(Path file) {
        Map<String, Map<String, Entry>> roots = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readInt() != MetadataMediaReader.version()) {
                return new ScanCache(file, new HashMap<>(), "made by another version; rebuilt");
            }
            int rootCount = in.readInt();
            for (int r = 0; r < rootCount; r++) {
                String root = in.readUTF();
                int n = in.readInt();
                Map<String, Entry> entries = new HashMap<>(n * 4 / 3 + 1);
                for (int i = 0; i < n; i++) {
                    String path = in.readUTF();
                    long size = in.readLong();
                    long modified = in.readLong();
                    long change = in.readLong();
                    entries.put(path, new Entry(size, modified, change, readFile(in, path, size, modified)));
                }
                roots.put(root, entries);
            }
            return new ScanCache(file, roots, null);
        } catch (NoSuchFileException e) {
            return new ScanCache(file, roots, null);
        } catch (IOException | RuntimeException e) {
            return new ScanCache(file, new HashMap<>(), "unreadable (" + e + "); rebuilt");
        }
    }

    public Path file() {
        return file;
    }

    /** Why the stored cache was not used, or null. */
    public String problem() {
        return problem;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    /**
     * What an earlier scan read from this file, when its size and time are unchanged (and it has a fingerprint when
     * one is needed); null otherwise. The answer's source index and role are the caller's to set.
     */
    public MediaFile lookup(String root, String path, long size, long modified, boolean needFingerprint) {
        return lookup(root, path, size, modified, 0, needFingerprint, true);
    }

    /** As {@link #lookup(String, String, long, long, boolean)}; a miss is counted only when {@code countMiss}. */
    MediaFile lookup(String root, String path, long size, long modified, long change, boolean needFingerprint,
            boolean countMiss) {
        Map<String, Entry> entries = loaded.get(root);
        Entry e = entries == null ? null : entries.get(path);
        if (e == null || e.size != size || e.modified != modified || e.change != change
                || (needFingerprint && e.file.fingerprint() == null)) {
            if (countMiss) misses.incrementAndGet();
            return null;
        }
        hits.incrementAndGet();
        fresh.computeIfAbsent(root, k -> new ConcurrentHashMap<>()).put(path, e);
        return e.file;
    }

    public void put(String root, String path, long size, long modified, MediaFile f) {
        put(root, path, size, modified, 0, f);
    }

    /** @param change the file's change stamp ({@link FileStamp}), 0 when the source has none */
    public void put(String root, String path, long size, long modified, long change, MediaFile f) {
        changed = true;
        fresh.computeIfAbsent(root, k -> new ConcurrentHashMap<>()).put(path, new Entry(size, modified, change, f));
    }

    /**
     * Writes the cache: the roots scanned this time as they are now (files gone from them are dropped), the others
     * as they were.
     */
    public void save() throws IOException {
        if (!changed && problem == null && Files.exists(file)) {
            // every file came from the cache: it only needs rewriting when files disappeared from a root
            boolean same = true;
            for (var e : fresh.entrySet()) {
                Map<String, Entry> before = loaded.get(e.getKey());
                same &= before != null && before.size() == e.getValue().size();
            }
            if (same) return;
        }
        Map<String, Map<String, Entry>> out = new LinkedHashMap<>(loaded);
        out.putAll(fresh);
        // the one atomic writer: temp file beside the cache, forced to disk, renamed; a kill keeps the old cache
        AtomicWriter.write(file, os -> {
            DataOutputStream o = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
            o.writeInt(MAGIC);
            o.writeInt(FORMAT);
            o.writeInt(MetadataMediaReader.version());
            o.writeInt(out.size());
            for (var root : out.entrySet()) {
                o.writeUTF(root.getKey());
                o.writeInt(root.getValue().size());
                for (var e : root.getValue().entrySet()) {
                    o.writeUTF(e.getKey());
                    o.writeLong(e.getValue().size);
                    o.writeLong(e.getValue().modified);
                    o.writeLong(e.getValue().change);
                    writeFile(o, e.getValue().file);
                }
            }
            o.flush();
        });
    }

    private static void writeFile(DataOutputStream o, MediaFile f) throws IOException {
        o.writeByte(f.format().ordinal());
        CaptureTime c = f.captured();
        o.writeBoolean(c != null);
        if (c != null) {
            o.writeLong(c.local().toEpochSecond(ZoneOffset.UTC));
            o.writeInt(c.local().getNano());
            o.writeInt(c.offset() == null ? Integer.MIN_VALUE : c.offset().getTotalSeconds());
        }
        str(o, f.make());
        str(o, f.model());
        o.writeInt(f.width());
        o.writeInt(f.height());
        o.writeShort(f.orientation());
        o.writeBoolean(f.latitude() != null);
        if (f.latitude() != null) {
            o.writeDouble(f.latitude());
            o.writeDouble(f.longitude());
        }
        str(o, f.contentIdentifier());
        str(o, f.imageUniqueId());
        str(o, f.burstId());
        str(o, f.fingerprint());
        str(o, f.payloadKey());
        o.writeBoolean(f.screenshot());
        str(o, f.unreadableReason());
        o.writeShort(f.extra().size());
        for (var e : f.extra().entrySet()) {
            o.writeUTF(e.getKey());
            o.writeUTF(e.getValue());
        }
    }

    private static MediaFile readFile(DataInputStream in, String path, long size, long modified) throws IOException {
        int fmt = in.readByte();
        MediaFormat[] formats = MediaFormat.values();
        if (fmt < 0 || fmt >= formats.length) throw new EOFException("bad format " + fmt);
        CaptureTime captured = null;
        if (in.readBoolean()) {
            long epoch = in.readLong();
            int nano = in.readInt();
            int off = in.readInt();
            captured = new CaptureTime(LocalDateTime.ofEpochSecond(epoch, nano, ZoneOffset.UTC),
                    off == Integer.MIN_VALUE ? null : ZoneOffset.ofTotalSeconds(off));
        }
        String make = str(in), model = str(in);
        int w = in.readInt(), h = in.readInt(), orientation = in.readShort();
        Double lat = null, lon = null;
        if (in.readBoolean()) {
            lat = in.readDouble();
            lon = in.readDouble();
        }
        String ci = str(in), uid = str(in), burst = str(in), fp = str(in), payload = str(in);
        boolean screenshot = in.readBoolean();
        String reason = str(in);
        int extras = in.readShort();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < extras; i++) extra.put(in.readUTF(), in.readUTF());
        return new MediaFile(0, path, formats[fmt], ResourceRole.ORIGINAL, size, modified, captured, make, model, w, h,
                orientation, lat, lon, ci, uid, burst, fp, payload, screenshot, reason, extra);
    }

    private static void str(DataOutputStream o, String s) throws IOException {
        o.writeBoolean(s != null);
        if (s != null) o.writeUTF(s);
    }

    private static String str(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
