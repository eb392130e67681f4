package org.photoparity.sources.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.io.InputFiles;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.Sharing;
import org.photoparity.core.spi.ISource;
import org.photoparity.core.spi.MediaReader;
import org.photoparity.core.spi.ScanContext;
import org.photoparity.media.ContentSniffer;

/**
 * Source {@code privacy-export}: Apple's privacy export of iCloud Photos (privacy.apple.com), as one "Part N of M"
 * zip or folder, or a folder holding several. Parts are recognized by their structure (a Photos folder with a
 * "Photo Details*.csv"), never by their localised names. Media files, nested zips included, are read in place
 * through the context's reader; Photo Details rows become listings with the album and memory names that mention
 * them; files under Recently Deleted are marked recentlyDeleted. Hidden.csv / Favorites.csv set the hidden /
 * favourite flags of the assets they name. Media of "iCloud Shared Albums*.zip" (nested, or unzipped) are shared
 * album content: their listings say so (Sharing.SHARED_ALBUM). A Live Photo's MOV row folds into its still's row,
 * joined by content identifier, whichever parts the two files sit in.
 */
public final class PrivacyExportSource implements ISource {

    /**
     * A Photo Details CSV inside the part's photos folder ("Photos", or its localised name such as "Fotos"), at any
     * depth (zips put the part's own folder on top).
     */
    static final Pattern PHOTO_DETAILS = Pattern.compile("(?i)(^|.*/)[^/]+/Photo Details[^/]*\\.csv");
    private static final String RECENTLY_DELETED = "recently deleted";
    /** "iCloud Shared Albums.zip" and its siblings -1..-4: shared album content, not the cloud library. */
    private static final String SHARED_ALBUMS = "icloud shared albums";
    private static final int MAX_CHILDREN_LOOKED_AT = 64;

    @Override
    public int recognize(Path path) {
        if (path == null) return 0;
        if (isPart(path)) return 80;
        if (!Files.isDirectory(path)) return 0;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
            int n = 0;
            for (Path c : children) {
                if (++n > MAX_CHILDREN_LOOKED_AT) break;
                if (isPart(c)) return 80;
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** A part zip or folder: a Photos folder with a Photo Details CSV, at the top or one folder down. */
    static boolean isPart(Path p) {
        if (Files.isRegularFile(p) && ExportWalker.isZipName(p.getFileName().toString())) {
            try (ZipFile zf = new ZipFile(p.toFile())) {
                Enumeration<? extends ZipEntry> e = zf.entries();
                while (e.hasMoreElements()) {
                    if (PHOTO_DETAILS.matcher(e.nextElement().getName()).matches()) return true;
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
            return false;
        }
        if (!Files.isDirectory(p)) return false;
        if (photosFolder(p) != null) return true;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(p, Files::isDirectory)) {
            int n = 0;
            for (Path c : children) {
                if (++n > MAX_CHILDREN_LOOKED_AT) break;
                if (photosFolder(c) != null) return true;
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** The folder of a part holding its Photo Details CSV ("Photos", or a localised name), or null. */
    static Path photosFolder(Path part) {
        if (hasPhotoDetails(part.resolve("Photos"))) return part.resolve("Photos");
        try (DirectoryStream<Path> children = Files.newDirectoryStream(part, Files::isDirectory)) {
            int n = 0;
            for (Path c : children) {
                if (++n > MAX_CHILDREN_LOOKED_AT) break;
                if (hasPhotoDetails(c)) return c;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static boolean hasPhotoDetails(Path photos) {
        if (!Files.isDirectory(photos)) return false;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(photos, "Photo Details*.csv")) {
            return s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void scan(Path path, ScanContext context) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + ": no such file or folder. Give an \"iCloud Photos Part N of M\" zip or"
                    + " folder, or the folder holding all parts.");
        }
        if (!Files.isDirectory(path) && !ExportWalker.isZipName(path.getFileName().toString())) {
            throw new IOException(path + " is neither a folder nor a zip: give an iCloud Photos part (zip or folder)"
                    + " from Apple's privacy export, or the folder holding the parts.");
        }
        // a part (a zip, or a folder with Photos/ on top) keeps its entries' paths as they are; any other folder
        // is taken as holding parts, and every file is keyed by the part (first path segment) it came from
        boolean single = !Files.isDirectory(path) || photosFolder(path) != null;
        Missing lacks = missingParts(single ? List.of(path.getFileName().toString()) : children(path));
        if (lacks != null) context.incomplete(lacks.what(), lacks.names());
        Scan scan = new Scan(context, single);
        SubMonitor progress = SubMonitor.convert(context.monitor(), "Reading privacy export " + path.getFileName(),
                100);
        scan.progress = progress.split(90);
        new ExportWalker(context.monitor(), scan).walk(path);
        scan.emitListings(progress.split(10));
    }

    /**
     * "iCloud Photos Part 2 of 3", "iCloud-bilder Del 1 av 6", "iCloud Fotos Teil 1 von 10" (a .zip or not, and with
     * a browser's " (1)" when downloaded twice).
     */
    private static final Pattern PART = Pattern.compile(
            "^(.*?)(\\d{1,4})\\s+(\\p{L}{1,12})\\s+(\\d{1,4})(?:\\s*\\(\\d{1,3}\\))?(?:\\.zip)?$", Pattern.CASE_INSENSITIVE);

    /**
     * Which parts of the export the given part names lack, from the "Part N of M" their names carry, as the technician
     * reads it ("Part 1 of 2 not given (iCloud Photos Part 1 of 2)"); null when none is missing
     * or the names do not say (names without the pattern, such as iCloud Shared Albums.zip, are left out).
     */
    /** What the parts given lack, in words, and the names of the parts that would complete them. */
    record Missing(String what, List<String> names) {
    }

    static Missing missingParts(List<String> names) {
        // prefix and total ("iCloud Photos Part " of 2) to the parts given, and the word between ("of")
        Map<String, TreeSet<Integer>> given = new java.util.TreeMap<>();
        Map<String, String> word = new HashMap<>();
        for (String n : names) {
            java.util.regex.Matcher m = PART.matcher(n.trim());
            if (!m.matches()) continue;
            int part = Integer.parseInt(m.group(2)), total = Integer.parseInt(m.group(4));
            if (part < 1 || part > total) continue;
            String key = total + "\u0000" + m.group(1);
            given.computeIfAbsent(key, k -> new TreeSet<>()).add(part);
            word.putIfAbsent(key, m.group(3));
        }
        for (Map.Entry<String, TreeSet<Integer>> e : given.entrySet()) {
            int cut = e.getKey().indexOf('\u0000');
            int total = Integer.parseInt(e.getKey().substring(0, cut));
            String prefix = e.getKey().substring(cut + 1);
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= total; i++) if (!e.getValue().contains(i)) missing.add(i);
            if (missing.isEmpty()) continue;
            StringBuilder nums = new StringBuilder();
            for (int i = 0; i < Math.min(missing.size(), 20); i++) nums.append(i == 0 ? "" : ", ").append(missing.get(i));
            if (missing.size() > 20) nums.append(", ...");
            List<String> partNames = new ArrayList<>();
            for (int n : missing) partNames.add(prefix + n + " " + word.get(e.getKey()) + " " + total);
            return new Missing((missing.size() == 1 ? "Part " : "Parts ") + nums + " of " + total + " not given ("
                    + partNames.get(0) + (missing.size() > 1 ? ", ..." : "") + ")", partNames);
        }
        return null;
    }

    private static List<String> children(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.limit(10_000).map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** What one scan collects: media found (for linking rows to files), CSV rows, album membership. */
    private static final class Scan implements ExportWalker.Visitor {

        private final ScanContext context;
        private final boolean single;
        private final MediaReader reader;
        SubMonitor progress;
        /** part key, then lower-case file name, to the paths of media files with that name. */
        private final Map<String, Map<String, List<String>>> media = new HashMap<>();
        private final Map<String, String> nestedZipOf = new HashMap<>();
        /** media path to its Live Photo content identifier (upper case), for joining a Live Photo's MOV row. */
        private final Map<String, String> contentIdOf = new HashMap<>();
        /** media path to its format as read (by content: a MOV saved without an extension is still a video). */
        private final Map<String, MediaFormat> formatOf = new HashMap<>();
        /** lower-case file names that Hidden.csv / Favorites.csv name: flags on the assets, not albums. */
        private final Set<String> hiddenNames = new HashSet<>();
        private final Set<String> favoriteNames = new HashSet<>();
        private final List<Row> rows = new ArrayList<>();
        /** lower-case file name to album (or memory) names. */
        private final Map<String, Set<String>> albums = new HashMap<>();
        private final Map<String, Set<String>> memories = new HashMap<>();

        private record Row(String part, String csvPath, ExportCsv.Detail detail) {
        }

        Scan(ScanContext context, boolean single) {
            this.context = context;
            this.single = single;
            this.reader = context.reader();
        }

        private String part(String path) {
            if (single) return "";
            int slash = path.indexOf('/');
            return slash < 0 ? "" : path.substring(0, slash);
        }

        @Override
        public void entry(ExportWalker.Entry e) throws IOException {
            if (progress.isCanceled()) throw new OperationCanceledException();
            progress.setWorkRemaining(1000);
            progress.worked(1);
            String name = baseName(e.path());
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".csv")) {
                readCsv(e);
            } else if (name.equals(".DS_Store") || name.equals("Thumbs.db") || name.startsWith("._")) {
                context.ignored(e.path(), "operating system helper file");
            } else if (MediaFormat.fromFileName(name) != MediaFormat.UNKNOWN || isMedia(e, name)) {
                MediaFile file = reader.read(context.sourceIndex(), e.path(), e.size(), e.modified(), role(name),
                        e.content(), !context.metadataOnly());
                context.file(file);
                formatOf.put(e.path(), file.format());
                if (file.contentIdentifier() != null && !file.contentIdentifier().isBlank()) {
                    contentIdOf.put(e.path(), file.contentIdentifier().toUpperCase(Locale.ROOT));
                }
                media.computeIfAbsent(part(e.path()), k -> new HashMap<>())
                        .computeIfAbsent(lower, k -> new ArrayList<>()).add(e.path());
                if (e.nestedZip() != null) nestedZipOf.put(e.path(), e.nestedZip());
            }
        }

        /**
         * A file whose name promises no photo (.jfif, .avif, no extension) is read when its content is one, as the
         * folder and zip sources do; else it is accounted for: ignored or unreadable, with why.
         */
        private boolean isMedia(ExportWalker.Entry e, String name) {
            String not = ContentSniffer.whyNotMedia(name, e.content(), e.size());
            if (not == null) return true;
            if (not.startsWith("cannot")) context.unreadable(e.path(), not);
            else context.ignored(e.path(), not.replaceFirst("^not a photo or video",
                    "not a photo, video or listing of the export"));
            return false;
        }

        @Override
        public void unreadable(String path, String reason) {
            context.unreadable(path, reason);
        }

        @Override
        public void ignored(String path, String why) {
            context.ignored(path, why);
        }

        private void readCsv(ExportWalker.Entry e) throws IOException {
            ExportCsv.Parsed parsed;
            if (e.size() > InputFiles.CSV_MAX) {
                context.unreadable(e.path(), "a CSV of " + InputFiles.size(e.size()) + ", more than the "
                        + InputFiles.size(InputFiles.CSV_MAX) + " limit for listings: refused");
                return;
            }
            try (InputStream in = InputFiles.limit(e.content().open(), InputFiles.CSV_MAX, e.path())) {
                parsed = ExportCsv.parse(in, baseName(e.path()));
            } catch (IOException ex) {
                context.unreadable(e.path(), ex.getMessage());
                return;
            }
            switch (parsed) {
                case ExportCsv.Details d -> {
                    List<String> badDates = new ArrayList<>();
                    for (ExportCsv.Detail row : d.rows()) {
                        rows.add(new Row(part(e.path()), e.path(), row));
                        if (row.created() == null && row.createdText() != null && !row.createdText().isBlank()) {
                            badDates.add(row.imgName() + " (\"" + row.createdText() + "\")");
                        }
                    }
                    // a date that cannot be read is reported with the file it belongs to, never dropped silently
                    String why = "listing, read as " + d.rows().size() + " photo details rows"
                            + (d.missing().isEmpty() ? "" : " (warning: no " + String.join(", ", d.missing())
                                    + " column; the rows are read without it)");
                    if (!badDates.isEmpty()) {
                        why += "; " + badDates.size() + " originalCreationDate value" + (badDates.size() == 1 ? "" : "s")
                                + " could not be read as a date: " + String.join(", ", badDates.subList(0,
                                        Math.min(5, badDates.size()))) + (badDates.size() > 5 ? ", ..." : "");
                    }
                    context.ignored(e.path(), why);
                }
                case ExportCsv.Album a -> {
                    String collection = baseName(e.path()).replaceFirst("(?i)\\.csv$", "");
                    Set<String> flag = flagCollection(collection);
                    if (flag != null) {
                        for (String n : a.imageNames()) flag.add(n.toLowerCase(Locale.ROOT));
                        context.ignored(e.path(), collection.toLowerCase(Locale.ROOT) + " flags, read as "
                                + a.imageNames().size() + " names");
                        return;
                    }
                    boolean memory = parentName(e.path()).equalsIgnoreCase("Memories");
                    Map<String, Set<String>> into = memory ? memories : albums;
                    for (String n : a.imageNames()) {
                        into.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(collection);
                    }
                    context.ignored(e.path(), (memory ? "memory" : "album") + " listing, read as "
                            + a.imageNames().size() + " names");
                }
                case ExportCsv.Other o -> context.ignored(e.path(), "a CSV this source does not read (columns "
                        + String.join(", ", o.header()) + ")");
            }
        }

        /** Hidden.csv and Favorites.csv mark assets; they are not albums. */
        private Set<String> flagCollection(String collection) {
            String c = collection.toLowerCase(Locale.ROOT);
            if (c.equals("hidden")) return hiddenNames;
            if (c.equals("favorites") || c.equals("favourites")) return favoriteNames;
            return null;
        }

        /** Media inside a shared albums zip ("iCloud Shared Albums.zip", -1..-4) or such a folder once unzipped. */
        private boolean inSharedAlbums(String path) {
            if (nestedZipOf.containsKey(path)) return true;
            for (String seg : path.split("/")) {
                if (seg.toLowerCase(Locale.ROOT).startsWith(SHARED_ALBUMS)) return true;
            }
            return false;
        }

        /**
         * Rows of Live Photo videos to fold into their still's row: a video row whose file carries the content
         * identifier of a still that has a row of its own (in any part). Maps the video row's file to the still's.
         */
        private Map<String, String> liveVideoRows(Map<Row, String> fileOf) {
            Map<String, String> stillById = new HashMap<>();
            for (String f : fileOf.values()) {
                if (f == null || isVideo(f) || inSharedAlbums(f)) continue;
                String ci = contentIdOf.get(f);
                if (ci != null) stillById.putIfAbsent(ci, f);
            }
            Map<String, String> fold = new HashMap<>();
            for (String f : fileOf.values()) {
                if (f == null || !isVideo(f)) continue;
                String ci = contentIdOf.get(f);
                String still = ci == null ? null : stillById.get(ci);
                if (still != null) fold.put(f, still);
            }
            return fold;
        }

        /** A row's kind: by its file's content when the export holds the file, else by the name it lists. */
        private AssetKind kindOf(String name, String file) {
            MediaFormat f = file == null ? null : formatOf.get(file);
            if (f == null || f == MediaFormat.UNKNOWN) return kind(name);
            return f.isVideo() ? AssetKind.VIDEO : f.isImage() ? AssetKind.PHOTO : AssetKind.UNKNOWN;
        }

        /** A media file of the export is a video: by its content where it was read, else by its name. */
        private boolean isVideo(String file) {
            MediaFormat f = formatOf.get(file);
            return (f == null || f == MediaFormat.UNKNOWN ? MediaFormat.fromFileName(baseName(file)) : f).isVideo();
        }

        void emitListings(SubMonitor monitor) {
            monitor.setWorkRemaining(rows.size() + 1);
            Set<String> listed = new HashSet<>();
            Map<Row, String> fileOf = new java.util.IdentityHashMap<>();
            for (Row r : rows) fileOf.put(r, find(r.part(), parentOf(r.csvPath()), r.detail().imgName()));
            // a Live Photo's MOV row joins its still (by content identifier, whatever part either sits in): one
            // asset, one listing; the assembler pairs the two files the same way
            Map<String, String> foldedVideos = liveVideoRows(fileOf);
            Map<String, List<String>> videosOfStill = new HashMap<>();
            for (Map.Entry<String, String> f : foldedVideos.entrySet()) {
                videosOfStill.computeIfAbsent(f.getValue(), k -> new ArrayList<>()).add(f.getKey());
            }
            for (Row r : rows) {
                if (monitor.isCanceled()) throw new OperationCanceledException();
                monitor.worked(1);
                ExportCsv.Detail d = r.detail();
                String file = fileOf.get(r);
                if (file != null) listed.add(file);
                if (file != null && foldedVideos.containsKey(file)) continue;
                Map<String, String> extra = new LinkedHashMap<>();
                if (!single) extra.put("part", r.part());
                put(extra, "viewCount", d.viewCount());
                if (d.imported() != null) extra.put("importDate", d.imported().toString());
                if (d.created() == null) put(extra, "originalCreationDate", d.createdText());
                List<String> videos = file == null ? null : videosOfStill.get(file);
                if (videos != null) extra.put("liveVideo", String.join("; ", videos));
                collections(extra, d.imgName());
                String lower = d.imgName().toLowerCase(Locale.ROOT);
                boolean shared = file != null && inSharedAlbums(file);
                AssetKind kind = videos != null ? AssetKind.LIVE_PHOTO : kindOf(d.imgName(), file);
                context.listing(new Listing(context.sourceIndex(), r.csvPath(), d.imgName(), file, null,
                        emptyToNull(d.checksum()), null, null, null, d.created(), kind,
                        shared ? CloudState.UNKNOWN : CloudState.SYNCED, null, null, null, d.deleted(),
                        d.hidden() || hiddenNames.contains(lower), d.favorite() || favoriteNames.contains(lower),
                        file != null && inRecentlyDeleted(file), extra,
                        shared ? Sharing.SHARED_ALBUM : Sharing.LIBRARY, null, null));
            }
            // files that no Photo Details row names still say something: deleted lately, or from a shared album
            for (Map<String, List<String>> byName : media.values()) {
                for (List<String> paths : byName.values()) {
                    for (String p : paths) {
                        if (listed.contains(p)) continue;
                        boolean deleted = inRecentlyDeleted(p);
                        String zip = nestedZipOf.get(p);
                        boolean shared = inSharedAlbums(p);
                        String lower = baseName(p).toLowerCase(Locale.ROOT);
                        boolean hidden = !shared && hiddenNames.contains(lower);
                        boolean favorite = !shared && favoriteNames.contains(lower);
                        if (!deleted && !shared && !hidden && !favorite) continue;
                        Map<String, String> extra = new LinkedHashMap<>();
                        if (!single) extra.put("part", part(p));
                        if (zip != null) {
                            extra.put("nestedZip", zip);
                            String album = parentName(p.substring(zip.length() + 1));
                            if (!album.isEmpty()) extra.put("album", album);
                        }
                        collections(extra, baseName(p));
                        if (shared) extra.put("sharing", Sharing.SHARED_ALBUM.name());
                        context.listing(new Listing(context.sourceIndex(), zip != null ? zip : parentOf(p),
                                baseName(p), p, null, null, null, null, null, null, kindOf(baseName(p), p),
                                CloudState.UNKNOWN, null, null, null, false, hidden, favorite, deleted, extra,
                                shared ? Sharing.SHARED_ALBUM : Sharing.LIBRARY, null, null));
                    }
                }
            }
        }

        private void collections(Map<String, String> extra, String imgName) {
            Set<String> a = albums.get(imgName.toLowerCase(Locale.ROOT));
            if (a != null) extra.put("albums", String.join("; ", a));
            Set<String> m = memories.get(imgName.toLowerCase(Locale.ROOT));
            if (m != null) extra.put("memories", String.join("; ", m));
        }

        /**
         * The file a row names: in the same part, preferably beside its CSV (Photos/), then Recently Deleted, then
         * anywhere in the part; across parts only when exactly one file has the name.
         */
        private String find(String part, String csvFolder, String imgName) {
            String key = imgName.toLowerCase(Locale.ROOT);
            List<String> inPart = media.getOrDefault(part, Map.of()).getOrDefault(key, List.of());
            String besideCsv = csvFolder + (csvFolder.isEmpty() ? "" : "/");
            for (String p : inPart) if (p.regionMatches(true, 0, besideCsv, 0, besideCsv.length())) return p;
            for (String p : inPart) if (inRecentlyDeleted(p)) return p;
            if (!inPart.isEmpty()) return inPart.get(0);
            String only = null;
            for (Map<String, List<String>> byName : media.values()) {
                for (String p : byName.getOrDefault(key, List.of())) {
                    if (only != null) return null;
                    only = p;
                }
            }
            return only;
        }
    }

    static boolean inRecentlyDeleted(String path) {
        for (String seg : path.split("/")) {
            if (seg.toLowerCase(Locale.ROOT).equals(RECENTLY_DELETED)) return true;
        }
        return false;
    }

    static AssetKind kind(String name) {
        MediaFormat f = MediaFormat.fromFileName(name);
        if (f.isVideo()) return AssetKind.VIDEO;
        if (f.isImage()) return AssetKind.PHOTO;
        return AssetKind.UNKNOWN;
    }

    static ResourceRole role(String name) {
        if (MediaFormat.fromFileName(name) == MediaFormat.AAE) return ResourceRole.ADJUSTMENT_SIDECAR;
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("IMG_E") && upper.length() > 5 && Character.isDigit(upper.charAt(5))) {
            return ResourceRole.EDITED_RENDER;
        }
        return ResourceRole.ORIGINAL;
    }

    static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String parentName(String path) {
        return baseName(parentOf(path));
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isEmpty()) m.put(k, v);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
