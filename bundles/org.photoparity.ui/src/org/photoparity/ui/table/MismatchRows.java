package org.photoparity.ui.table;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.present.Vocabulary;

/**
 * The Mismatches table's data, without SWT: one precomputed row per mismatch (so sorting and filtering 100,000 rows
 * never re-reads the model), and the pure function from rows, filter, sort and grouping to what the table shows.
 * It runs in a background job; the table only maps an index to a row.
 */
public final class MismatchRows {

    /** A category as people read it in a list ("Missing in iCloud", {@link Vocabulary#label}); the enum name stays in tooltips and exports. */
    public static String phrase(Category c) {
        return Vocabulary.label(c);
    }


    /** The table's columns, in their default order. */
    public enum Column {
        CATEGORY("Category", 170), LOSS("Loss", 260), KIND("Kind", 90), DATE("Date", 140), DEVICE("Device", 230), CLOUD("Cloud", 230),
        MATCHED_BY("Matched by", 110), DETAIL("Detail", 380), STATES("Listing states", 120),
        DEVICE_SIZE("Device size", 90), CLOUD_SIZE("Cloud size", 90), DEVICE_FORMAT("Device format", 90),
        CLOUD_FORMAT("Cloud format", 90);

        public final String title;
        public final int width;

        Column(String title, int width) {
            this.title = title;
            this.width = width;
        }
    }

    /** Columns shown until the technician chooses. */
    public static final Set<Column> DEFAULT_COLUMNS = Set.of(Column.CATEGORY, Column.LOSS, Column.KIND, Column.DATE, Column.DEVICE,
            Column.CLOUD, Column.MATCHED_BY, Column.DETAIL);

    /** One mismatch, with what the columns show already worked out. */
    public record Row(int index, Mismatch mismatch, Category category, AssetKind kind, LocalDateTime date,
            String device, String cloud, String matchedBy, String detail, String states, long deviceBytes,
            long cloudBytes, String deviceFormat, String cloudFormat) {
    }

    /** What to show; empty sets and null bounds mean no restriction. */
    public record Filter(Set<Category> categories, Set<AssetKind> kinds, LocalDate from, LocalDate to, String text) {
        public static final Filter NONE = new Filter(Set.of(), Set.of(), null, null, "");

        public Filter {
            categories = Set.copyOf(categories);
            kinds = Set.copyOf(kinds);
            text = text == null ? "" : text.strip();
        }

        public Filter withCategories(Set<Category> c) {
            return new Filter(c, kinds, from, to, text);
        }

        public Filter withKinds(Set<AssetKind> k) {
            return new Filter(categories, k, from, to, text);
        }

        public Filter withDates(LocalDate f, LocalDate t) {
            return new Filter(categories, kinds, f, t, text);
        }

        public Filter withText(String t) {
            return new Filter(categories, kinds, from, to, t);
        }
    }

    public enum Grouping {
        NONE("No grouping"), CATEGORY("Group by category"), DAY("Group by day");

        public final String label;

        Grouping(String label) {
            this.label = label;
        }
    }

    public record Sort(Column column, boolean ascending) {
        /** Losses first (then the differences the evidence explains), each in the result's order. */
        public static final Sort DEFAULT = new Sort(Column.LOSS, true);
    }

    /** A group header: its key, what it says, how many rows it holds. */
    public record Group(String key, String label, int count) {
    }

    /**
     * What the table shows: {@code entries[i] >= 0} is a row index, {@code entries[i] < 0} is group
     * {@code -entries[i] - 1}.
     */
    public record Shown(int[] entries, List<Group> groups, int rows) {
        public static final Shown EMPTY = new Shown(new int[0], List.of(), 0);

        public boolean isGroup(int i) {
            return entries[i] < 0;
        }

        public Group group(int i) {
            return groups.get(-entries[i] - 1);
        }
    }

    private MismatchRows() {
    }

    public static Row[] build(List<Mismatch> mismatches, IProgressMonitor monitor) {
        Row[] rows = new Row[mismatches.size()];
        for (int i = 0; i < rows.length; i++) {
            if ((i & 4095) == 0 && monitor != null && monitor.isCanceled()) throw new OperationCanceledException();
            rows[i] = row(i, mismatches.get(i));
        }
        return rows;
    }

    static Row row(int index, Mismatch m) {
        Asset first = !m.deviceAssets().isEmpty() ? m.deviceAssets().get(0)
                : !m.cloudAssets().isEmpty() ? m.cloudAssets().get(0) : null;
        AssetKind kind = first == null ? AssetKind.UNKNOWN : first.kind();
        return new Row(index, m, m.category(), kind, date(m), names(m.device()), names(m.cloud()),
                m.matchedBy() == null ? "" : m.matchedBy(), m.detail() == null ? "" : m.detail(),
                String.join(", ", new java.util.TreeSet<>(m.states())), bytes(m.deviceAssets()),
                bytes(m.cloudAssets()), formats(m.deviceAssets()), formats(m.cloudAssets()));
    }

    /** When the photo was taken, from the first asset that says. */
    static LocalDateTime date(Mismatch m) {
        for (List<Asset> side : List.of(m.deviceAssets(), m.cloudAssets())) {
            for (Asset a : side) {
                MediaFile p = a.primary();
                if (p != null && p.captured() != null) return p.captured().local();
                if (a.listing() != null && a.listing().created() != null) {
                    return LocalDateTime.ofInstant(a.listing().created(), ZoneOffset.UTC);
                }
            }
        }
        return null;
    }

    private static String names(List<String> paths) {
        return paths.isEmpty() ? "" : String.join(", ", paths);
    }

    private static long bytes(List<Asset> assets) {
        long n = 0;
        for (Asset a : assets) n += a.bytes();
        return n;
    }

    private static String formats(List<Asset> assets) {
        StringBuilder sb = new StringBuilder();
        for (Asset a : assets) {
            MediaFile p = a.primary();
            String f = p == null ? "listing" : p.format().name();
            if (sb.indexOf(f) < 0) sb.append(sb.isEmpty() ? "" : ", ").append(f);
        }
        return sb.toString();
    }

    /** The text of one cell. */
    public static String text(Row r, Column c) {
        return switch (c) {
            case CATEGORY -> phrase(r.category());
            case LOSS -> loss(r.mismatch());
            case KIND -> Vocabulary.label(r.kind());
            case DATE -> r.date() == null ? "" : r.date().toString().replace('T', ' ');
            case DEVICE -> r.device();
            case CLOUD -> r.cloud();
            case MATCHED_BY -> r.matchedBy();
            case DETAIL -> r.detail();
            case STATES -> r.states();
            case DEVICE_SIZE -> size(r.deviceBytes());
            case CLOUD_SIZE -> size(r.cloudBytes());
            case DEVICE_FORMAT -> r.deviceFormat();
            case CLOUD_FORMAT -> r.cloudFormat();
        };
    }

    /** "loss", or "not a loss" with the reason when the evidence gives one. */
    static String loss(Mismatch m) {
        if (m.loss()) return "loss";
        return m.explanation() == null ? "not a loss" : "not a loss: " + m.explanation();
    }

    public static String size(long bytes) {
        return bytes <= 0 ? "" : Vocabulary.bytes(bytes);
    }

    static Comparator<Row> comparator(Column c) {
        return switch (c) {
            case CATEGORY -> Comparator.comparing(Row::category);
            case LOSS -> Comparator.comparing((Row r) -> !r.mismatch().loss());
            case KIND -> Comparator.comparing(Row::kind);
            case DATE -> Comparator.comparing(Row::date, Comparator.nullsLast(Comparator.naturalOrder()));
            case DEVICE_SIZE -> Comparator.comparingLong(Row::deviceBytes);
            case CLOUD_SIZE -> Comparator.comparingLong(Row::cloudBytes);
            default -> {
                Function<Row, String> f = r -> text(r, c);
                yield Comparator.comparing(f, String.CASE_INSENSITIVE_ORDER);
            }
        };
    }

    public static boolean matches(Row r, Filter f) {
        if (!f.categories().isEmpty() && !f.categories().contains(r.category())) return false;
        if (!f.kinds().isEmpty() && !f.kinds().contains(r.kind())) return false;
        if (f.from() != null || f.to() != null) {
            if (r.date() == null) return false;
            LocalDate d = r.date().toLocalDate();
            if (f.from() != null && d.isBefore(f.from())) return false;
            if (f.to() != null && d.isAfter(f.to())) return false;
        }
        String t = f.text();
        if (!t.isEmpty()) {
            return contains(r.device(), t) || contains(r.cloud(), t) || contains(r.detail(), t)
                    || contains(r.matchedBy(), t) || contains(r.states(), t) || contains(r.category().name(), t);
        }
        return true;
    }

    /** Case-insensitive substring test without allocating. */
    static boolean contains(String hay, String needle) {
        int n = needle.length();
        for (int i = 0, last = hay.length() - n; i <= last; i++) {
            if (hay.regionMatches(true, i, needle, 0, n)) return true;
        }
        return false;
    }

    static String groupKey(Row r, Grouping g) {
        return switch (g) {
            case NONE -> "";
            case CATEGORY -> r.category().name();
            case DAY -> r.date() == null ? "~" : r.date().toLocalDate().toString();
        };
    }

    static String groupLabel(String key, Grouping g) {
        return switch (g) {
            case NONE -> "";
            case CATEGORY -> phrase(Category.valueOf(key)) + ": " + Category.valueOf(key).label();
            case DAY -> key.equals("~") ? "No capture date" : key;
        };
    }

    /** Filters, sorts and groups; collapsed groups show their header only. */
    public static Shown compute(Row[] rows, Filter filter, Sort sort, Grouping grouping, Set<String> collapsed,
            IProgressMonitor monitor) {
        int[] keep = new int[rows.length];
        int n = 0;
        for (int i = 0; i < rows.length; i++) {
            if ((i & 8191) == 0 && monitor != null && monitor.isCanceled()) throw new OperationCanceledException();
            if (matches(rows[i], filter)) keep[n++] = i;
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = keep[i];
        Comparator<Row> c = comparator(sort.column());
        if (!sort.ascending()) c = c.reversed();
        c = c.thenComparingInt(Row::index);
        if (grouping != Grouping.NONE) {
            Comparator<Row> byGroup = grouping == Grouping.CATEGORY ? Comparator.comparing(Row::category)
                    : Comparator.comparing(r -> groupKey(r, Grouping.DAY));
            c = byGroup.thenComparing(c);
        }
        Comparator<Row> cmp = c;
        Arrays.sort(idx, (a, b) -> cmp.compare(rows[a], rows[b]));
        if (monitor != null && monitor.isCanceled()) throw new OperationCanceledException();
        if (grouping == Grouping.NONE) {
            int[] e = new int[n];
            for (int i = 0; i < n; i++) e[i] = idx[i];
            return new Shown(e, List.of(), n);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Integer i : idx) counts.merge(groupKey(rows[i], grouping), 1, Integer::sum);
        List<Group> groups = new ArrayList<>();
        int[] e = new int[n + counts.size()];
        int k = 0;
        String current = null;
        boolean skip = false;
        for (Integer i : idx) {
            String key = groupKey(rows[i], grouping);
            if (!key.equals(current)) {
                current = key;
                groups.add(new Group(key, groupLabel(key, grouping), counts.get(key)));
                e[k++] = -groups.size();
                skip = collapsed.contains(key);
            }
            if (!skip) e[k++] = i;
        }
        return new Shown(Arrays.copyOf(e, k), groups, n);
    }
}
