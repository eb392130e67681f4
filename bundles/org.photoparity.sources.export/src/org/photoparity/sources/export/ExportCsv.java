package org.photoparity.sources.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The CSVs of an Apple privacy export: Photo Details (one row per photo) and album / memory lists (one column). */
final class ExportCsv {

    /** "Saturday June 4,2022 12:11 PM GMT", always in English. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEEE MMMM d,yyyy h:mm a z").toFormatter(Locale.ENGLISH);

    static final Set<String> ALBUM_COLUMNS = Set.of("imgname", "imagename", "images");

    private ExportCsv() {
    }

    /** One Photo Details row. */
    record Detail(String imgName, String checksum, boolean favorite, boolean hidden, boolean deleted,
            Instant created, String createdText, String viewCount, Instant imported, String importedText) {
    }

    sealed interface Parsed permits Details, Album, Other {
    }

    /** Photo Details rows, and the known columns the file lacks (the rest is read all the same). */
    record Details(List<Detail> rows, List<String> missing) implements Parsed {
        Details(List<Detail> rows) {
            this(rows, List.of());
        }
    }

    /** The columns of Photo Details.csv, as Apple writes them. */
    static final List<String> DETAIL_COLUMNS = List.of("imgName", "fileChecksum", "favorite", "hidden", "deleted",
            "originalCreationDate", "viewCount", "importDate");

    record Album(List<String> imageNames) implements Parsed {
    }

    /** A CSV this source does not read, with its header for the reason. */
    record Other(List<String> header) implements Parsed {
    }

    static Parsed parse(InputStream in) throws IOException {
        return parse(in, "");
    }

    /**
     * @param fileName the CSV's own name: "Photo Details*.csv" is read as photo details whatever columns are
     *                 missing; another name is when it has imgName and a second known column
     */
    static Parsed parse(InputStream in, String fileName) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).build();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = new ArrayList<>();
            for (String h : parser.getHeaderNames()) header.add(stripBom(h).trim());
            List<String> lower = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            int img = lower.indexOf("imgname");
            int checksum = lower.indexOf("filechecksum");
            int known = 0;
            List<String> missing = new ArrayList<>();
            for (String c : DETAIL_COLUMNS) {
                if (lower.contains(c.toLowerCase(Locale.ROOT))) known++;
                else missing.add(c);
            }
            boolean byName = fileName.toLowerCase(Locale.ROOT).startsWith("photo details");
            if (img >= 0 && (checksum >= 0 || byName || known >= 3)) {
                List<Detail> rows = new ArrayList<>();
                for (CSVRecord r : parser) {
                    String name = get(r, img);
                    if (name == null || name.isEmpty()) continue;
                    String created = get(r, lower.indexOf("originalcreationdate"));
                    String imported = get(r, lower.indexOf("importdate"));
                    rows.add(new Detail(name, get(r, checksum), yes(get(r, lower.indexOf("favorite"))),
                            yes(get(r, lower.indexOf("hidden"))), yes(get(r, lower.indexOf("deleted"))),
                            date(created), created, get(r, lower.indexOf("viewcount")), date(imported), imported));
                }
                return new Details(rows, List.copyOf(missing));
            }
            if (!lower.isEmpty() && ALBUM_COLUMNS.contains(lower.get(0))) {
                List<String> names = new ArrayList<>();
                for (CSVRecord r : parser) {
                    String name = get(r, 0);
                    if (name != null && !name.isEmpty()) names.add(name);
                }
                return new Album(names);
            }
            return new Other(header);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException("not a readable CSV (" + e.getMessage() + ")", e);
        }
    }

    /**
     * "Saturday June 4,2022 12:11 PM GMT" and what real exports make of it: no weekday or a wrong one, a space after
     * the comma, seconds, a 24-hour time with a stray AM/PM ("14:00 PM"), no AM/PM, a zone as GMT / UTC / an offset
     * (+02:00, GMT+2) or none (GMT). Case and spacing do not matter.
     */
    private static final Pattern LENIENT = Pattern.compile("(?i)^\\s*(?:[a-z]+,?\\s+)??([a-z]{3,})\\.?\\s+(\\d{1,2})\\s*,"
            + "\\s*(\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?\\s*"
            + "(?:(?:gmt|utc|z)?\\s*([+-]\\d{1,2})(?::?(\\d{2}))?|(gmt|utc|z))?\\s*$");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    /** Apple's export date read leniently (see {@link #LENIENT}), or null when it cannot be read as a date at all. */
    static Instant date(String text) {
        if (text == null || text.isBlank()) return null;
        String normalized = text.trim().replaceAll("\\s+", " ");
        try {
            return ZonedDateTime.parse(normalized.replaceAll(",\\s+", ","), DATE).toInstant();
        } catch (DateTimeParseException e) {
            // read leniently below
        }
        Matcher m = LENIENT.matcher(normalized);
        if (!m.matches()) return null;
        String month = m.group(1).toLowerCase(Locale.ROOT);
        int monthIndex = month.length() >= 3 ? MONTHS.indexOf(month.substring(0, 3)) : -1;
        if (monthIndex < 0) return null;
        int day = Integer.parseInt(m.group(2));
        int year = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        String ampm = m.group(7) == null ? null : m.group(7).replace(".", "").toLowerCase(Locale.ROOT);
        if (ampm != null && hour <= 12) {
            // a 12-hour time; a 24-hour one (13 and later) keeps its hour whatever AM/PM says
            if (ampm.equals("am") && hour == 12) hour = 0;
            else if (ampm.equals("pm") && hour < 12) hour += 12;
        }
        int offsetSeconds = 0;
        if (m.group(8) != null) {
            int h = Integer.parseInt(m.group(8));
            int min = m.group(9) == null ? 0 : Integer.parseInt(m.group(9));
            offsetSeconds = (Math.abs(h) * 3600 + min * 60) * (m.group(8).startsWith("-") ? -1 : 1);
        }
        try {
            return java.time.LocalDateTime.of(year, monthIndex + 1, day, hour, minute, second)
                    .toInstant(java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (java.time.DateTimeException e) {
            return null; // February 30th, hour 25, offset beyond 18 h
        }
    }

    private static String get(CSVRecord r, int i) {
        if (i < 0 || i >= r.size()) return null;
        String v = r.get(i);
        return v == null ? null : v.trim();
    }

    private static boolean yes(String v) {
        return v != null && (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true") || v.equals("1"));
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}
