package org.photoparity.ui.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.ui.table.MismatchRows.Column;
import org.photoparity.ui.table.MismatchRows.Filter;
import org.photoparity.ui.table.MismatchRows.Grouping;
import org.photoparity.ui.table.MismatchRows.Sort;

/**
 * What the technician made of the Mismatches table: columns shown (in their order) and their widths, sort,
 * grouping and filter. Kept in the view's memento and in the preferences, as a few {@code key=value} lines, so it
 * survives closing the view and restarting the workbench.
 */
public record ViewState(List<Column> columns, Map<Column, Integer> widths, Sort sort, Grouping grouping,
        Filter filter) {

    public static final ViewState DEFAULT = new ViewState(defaultColumns(), Map.of(), Sort.DEFAULT, Grouping.NONE,
            Filter.NONE);

    public ViewState {
        columns = List.copyOf(columns.isEmpty() ? defaultColumns() : columns);
        widths = Map.copyOf(widths);
    }

    private static List<Column> defaultColumns() {
        List<Column> l = new ArrayList<>();
        for (Column c : Column.values()) if (MismatchRows.DEFAULT_COLUMNS.contains(c)) l.add(c);
        return l;
    }

    public int width(Column c) {
        return widths.getOrDefault(c, c.width);
    }

    public ViewState withColumns(List<Column> c) {
        return new ViewState(c, widths, sort, grouping, filter);
    }

    public ViewState withWidths(Map<Column, Integer> w) {
        return new ViewState(columns, w, sort, grouping, filter);
    }

    public ViewState withSort(Sort s) {
        return new ViewState(columns, widths, s, grouping, filter);
    }

    public ViewState withGrouping(Grouping g) {
        return new ViewState(columns, widths, sort, g, filter);
    }

    public ViewState withFilter(Filter f) {
        return new ViewState(columns, widths, sort, grouping, f);
    }

    public String encode() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("columns", String.join(",", columns.stream().map(Enum::name).toList()));
        List<String> w = new ArrayList<>();
        widths.forEach((c, v) -> w.add(c.name() + ":" + v));
        m.put("widths", String.join(",", w.stream().sorted().toList()));
        m.put("sort", sort.column().name() + ":" + (sort.ascending() ? "asc" : "desc"));
        m.put("group", grouping.name());
        m.put("categories", String.join(",", filter.categories().stream().map(Enum::name).sorted().toList()));
        m.put("kinds", String.join(",", filter.kinds().stream().map(Enum::name).sorted().toList()));
        m.put("from", filter.from() == null ? "" : filter.from().toString());
        m.put("to", filter.to() == null ? "" : filter.to().toString());
        m.put("text", filter.text().replace('\n', ' '));
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /** Reads {@link #encode()}'s form; anything unreadable falls back to the default for that part. */
    public static ViewState decode(String s) {
        if (s == null || s.isBlank()) return DEFAULT;
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : s.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        List<Column> cols = new ArrayList<>();
        for (String c : split(m.get("columns"))) {
            Column col = parse(Column.class, c);
            if (col != null && !cols.contains(col)) cols.add(col);
        }
        Map<Column, Integer> widths = new EnumMap<>(Column.class);
        for (String c : split(m.get("widths"))) {
            int colon = c.indexOf(':');
            if (colon < 0) continue;
            Column col = parse(Column.class, c.substring(0, colon));
            try {
                int v = Integer.parseInt(c.substring(colon + 1));
                if (col != null && v > 0) widths.put(col, v);
            } catch (NumberFormatException e) {
                // keep the default width
            }
        }
        Sort sort = Sort.DEFAULT;
        String so = m.getOrDefault("sort", "");
        int colon = so.indexOf(':');
        if (colon > 0 && parse(Column.class, so.substring(0, colon)) != null) {
            sort = new Sort(parse(Column.class, so.substring(0, colon)), !so.endsWith(":desc"));
        }
        Grouping g = parse(Grouping.class, m.getOrDefault("group", ""));
        Set<Category> cats = EnumSet.noneOf(Category.class);
        for (String c : split(m.get("categories"))) if (parse(Category.class, c) != null) cats.add(parse(Category.class, c));
        Set<AssetKind> kinds = EnumSet.noneOf(AssetKind.class);
        for (String c : split(m.get("kinds"))) if (parse(AssetKind.class, c) != null) kinds.add(parse(AssetKind.class, c));
        Filter f = new Filter(cats, kinds, date(m.get("from")), date(m.get("to")), m.getOrDefault("text", ""));
        return new ViewState(cols, widths, sort, g == null ? Grouping.NONE : g, f);
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) return List.of();
        return List.of(s.split(","));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static LocalDate date(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
