package org.photoparity.core.registry;

import java.util.Locale;

/**
 * One setting, declared once in plugin.xml by the bundle that reads it (in the spirit of MAT's {@code @Argument}):
 * the defaults, the {@code --set} check, the Preferences pages and the documentation all derive from this.
 *
 * @param key          what {@code --set KEY=VALUE} and the case file use
 * @param type         the kind of value
 * @param defaultValue the value when none is given
 * @param min          lowest allowed number (INTEGER, DECIMAL), or null
 * @param max          highest allowed number (INTEGER, DECIMAL), or null
 * @param label        a short label with its unit, for a form field
 * @param help         one or two sentences for tooltips and docs
 * @param group        where it is shown (Matching, Probes, Reports...)
 * @param bundle       the bundle that declared it
 */
public record SettingDescriptor(String key, SettingType type, String defaultValue, Double min, Double max,
        String label, String help, String group, String bundle) {

    /** Null when {@code value} is acceptable, otherwise what is wrong with it, naming the key and what it expects. */
    public String check(String value) {
        if (value == null) return "setting " + key + " needs a value: " + expected();
        String v = value.trim();
        switch (type) {
            case BOOLEAN -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) return wrong(value);
            }
            case INTEGER -> {
                try {
                    long n = Long.parseLong(v);
                    if (!inRange(n)) return wrong(value);
                } catch (NumberFormatException e) {
                    return wrong(value);
                }
            }
            case DECIMAL -> {
                try {
                    double d = Double.parseDouble(v);
                    if (Double.isNaN(d) || Double.isInfinite(d) || !inRange(d)) return wrong(value);
                } catch (NumberFormatException e) {
                    return wrong(value);
                }
            }
            case TEXT, LIST -> {
                // any text; a reader that needs a form checks it where it parses it
            }
        }
        return null;
    }

    private boolean inRange(double d) {
        return (min == null || d >= min) && (max == null || d <= max);
    }

    private String wrong(String value) {
        return "setting " + key + " must be " + expected() + ", was '" + value + "'";
    }

    /** "a whole number from 0 to 100 (default 5)". */
    public String expected() {
        StringBuilder b = new StringBuilder(type.expects());
        if (min != null && max != null) b.append(" from ").append(number(min)).append(" to ").append(number(max));
        else if (min != null) b.append(" of ").append(number(min)).append(" or more");
        else if (max != null) b.append(" of ").append(number(max)).append(" or less");
        return b.append(" (default ").append(defaultValue.isEmpty() ? "empty" : defaultValue).append(')').toString();
    }

    private String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
