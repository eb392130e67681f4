package org.photoparity.evidence.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;
import org.photoparity.evidence.DeviceInfo;

/**
 * Reads what {@code ideviceinfo [-q domain]} printed, in either of its two shapes: the plain "Key: value" text
 * (libimobiledevice's own output format; nested dicts and arrays are indented under their key) or the
 * {@code -x} XML plist (parsed with dd-plist). The domain comes from a hint ({@code com.apple.disk_usage=FILE}) or,
 * without one, from the keys the file holds.
 */
public final class DeviceInfoReader {

    private static final Set<String> ROOT_KEYS = Set.of("ProductType", "ProductVersion", "BuildVersion",
            "UniqueDeviceID", "HardwareModel", "DeviceClass");
    private static final Set<String> DISK_KEYS = Set.of("TotalDataCapacity", "TotalDataAvailable",
            "AmountDataAvailable", "PhotoUsage", "TotalDiskCapacity", "CameraUsage");
    private static final Set<String> BATTERY_KEYS = Set.of("BatteryCurrentCapacity", "BatteryIsCharging",
            "ExternalConnected", "ExternalChargeCapable", "FullyCharged");
    private static final Set<String> FMIP_KEYS = Set.of("IsAssociated");

    private DeviceInfoReader() {
    }

    /**
     * Reads one ideviceinfo dump.
     *
     * @param domainHint the domain the technician named (full name or short: root, disk_usage, battery, fmip), or
     *                   null to detect it from the keys
     * @throws IOException when the file cannot be read, is not ideviceinfo output, or its domain cannot be told
     */
    public static DeviceInfo.Domain read(Path file, String domainHint) throws IOException {
        byte[] bytes;
        try {
            bytes = org.photoparity.core.io.InputFiles.readAll(file, org.photoparity.core.io.InputFiles.EVIDENCE_MAX,
                    "ideviceinfo output");
        } catch (IOException e) {
            throw new IOException("Cannot read ideviceinfo output " + file + ": " + e.getMessage()
                    + ". Check the path and that the file is readable.", e);
        }
        Map<String, String> values = parse(bytes, file.toString());
        java.time.Instant written;
        try {
            written = java.nio.file.Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            written = null; // read but not dated: Freshness says its age is not known
        }
        return new DeviceInfo.Domain(domainOf(values, domainHint, file.toString()), values,
                file.getFileName().toString(), java.time.Instant.now(), written);
    }

    /**
     * What an evidence row ({@code [DOMAIN=]FILE}) holds, in a few words for a list: "ideviceinfo root, 42 values",
     * or why it cannot be used. Reads the one file (bounded), nothing else.
     *
     * @return the words, prefixed with "!" when the row cannot be used
     */
    public static String describe(String row) {
        if (row == null || row.isBlank()) return "!empty";
        String s = row.strip();
        int eq = s.indexOf('=');
        String hint = null;
        if (eq > 0 && !s.substring(0, eq).contains("/") && !s.substring(0, eq).contains("\\")) {
            hint = s.substring(0, eq);
            s = s.substring(eq + 1);
        }
        Path file = Path.of(s);
        if (!java.nio.file.Files.exists(file)) return "!not found";
        if (!java.nio.file.Files.isRegularFile(file)) return "!not a file (give ideviceinfo's output file)";
        try {
            DeviceInfo.Domain d = read(file, hint);
            return "ideviceinfo " + d.name() + ", " + d.values().size() + " values";
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            return "!" + m.replace("Cannot read ideviceinfo output " + file + ": ", "");
        }
    }

    /** Parses output already in memory (the live runner); {@code label} names it in errors. */
    public static Map<String, String> parse(byte[] bytes, String label) throws IOException {
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) head = head.substring(1).stripLeading();
        boolean plist = head.startsWith("<?xml") || head.startsWith("<plist") || head.startsWith("<!DOCTYPE plist")
                || head.startsWith("bplist");
        Map<String, String> values = plist ? parsePlist(bytes, label) : parseText(new String(bytes,
                StandardCharsets.UTF_8));
        if (values.isEmpty()) {
            String first = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
            throw new IOException(label + " holds no ideviceinfo values"
                    + (first.isEmpty() ? " (it is empty)" : " (it starts with \"" + abbreviate(first) + "\")")
                    + ". Save the output of `ideviceinfo` or `ideviceinfo -q com.apple.disk_usage -x` with a device"
                    + " attached and trusted.");
        }
        return values;
    }

    /**
     * The plain format: top-level lines "Key: value"; "Key[N]:" opens an array and "Key: " with nothing after it
     * opens a dict, whose members follow on indented lines. Only members are flattened (Parent.Child); array items
     * are kept joined by ", " under the array's key.
     */
    static Map<String, String> parseText(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String parent = null;
        boolean parentIsArray = false;
        for (String raw : text.split("\r?\n")) {
            if (raw.startsWith("\uFEFF")) raw = raw.substring(1);
            if (raw.isBlank()) continue;
            boolean indented = Character.isWhitespace(raw.charAt(0));
            String line = raw.strip();
            if (!indented) {
                parent = null;
                parentIsArray = false;
                int arr = line.indexOf('[');
                if (arr > 0 && line.endsWith(":") && line.indexOf(": ") < 0 && line.indexOf(']') > arr) {
                    parent = line.substring(0, arr);
                    parentIsArray = true;
                    values.put(parent, "");
                    continue;
                }
                // LIMD output may print "Key[N]: 0: first" on one line
                if (arr > 0 && line.indexOf("]: ") > arr && line.indexOf(": ") > line.indexOf(']')
                        && !line.substring(0, arr).contains(" ")) {
                    parent = line.substring(0, arr);
                    parentIsArray = true;
                    String rest = line.substring(line.indexOf("]: ") + 3);
                    values.put(parent, arrayItem(rest));
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) continue; // "ERROR: ..." lines still have a colon; filtered below by key shape
                String key = line.substring(0, colon);
                if (key.contains(" ")) continue; // lockdown keys are single words; skip prose
                String value = line.substring(colon + 1).strip();
                values.put(key, value);
                if (value.isEmpty()) parent = key; // a dict opens
            } else if (parent != null) {
                if (parentIsArray) {
                    String item = arrayItem(line);
                    String prev = values.get(parent);
                    values.put(parent, prev == null || prev.isEmpty() ? item : prev + ", " + item);
                } else {
                    int colon = line.indexOf(": ");
                    if (colon > 0) values.put(parent + "." + line.substring(0, colon), line.substring(colon + 2));
                    else if (line.endsWith(":")) values.put(parent + "." + line.substring(0, line.length() - 1), "");
                }
            }
        }
        values.keySet().removeIf(k -> k.equals("ERROR") || k.equals("Usage"));
        return values;
    }

    private static String arrayItem(String line) {
        int c = line.indexOf(": ");
        if (c > 0 && line.substring(0, c).chars().allMatch(Character::isDigit)) return line.substring(c + 2);
        return line;
    }

    static Map<String, String> parsePlist(byte[] bytes, String label) throws IOException {
        NSObject root;
        try {
            root = PropertyListParser.parse(bytes);
        } catch (Exception e) {
            throw new IOException(label + " is not a readable plist (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). Save it again with `ideviceinfo -x > file.plist`.", e);
        }
        if (!(root instanceof NSDictionary dict)) {
            throw new IOException(label + " is a plist but not a dictionary; ideviceinfo -x prints a <dict>.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", dict, values);
        return values;
    }

    private static void flatten(String prefix, NSDictionary dict, Map<String, String> into) {
        for (Map.Entry<String, NSObject> e : dict.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof NSDictionary d) {
                into.put(key, "");
                flatten(key + ".", d, into);
            } else {
                into.put(key, text(e.getValue()));
            }
        }
    }

    /** A plist value as ideviceinfo's plain output would print it. */
    static String text(NSObject o) {
        return switch (o) {
            case null -> "";
            case NSNumber n when n.type() == NSNumber.BOOLEAN -> Boolean.toString(n.boolValue());
            case NSNumber n when n.type() == NSNumber.INTEGER -> Long.toString(n.longValue());
            case NSNumber n -> Double.toString(n.doubleValue());
            case NSString s -> s.getContent();
            case NSDate d -> DateTimeFormatter.ISO_INSTANT.format(d.getDate().toInstant());
            case NSData d -> Base64.getEncoder().encodeToString(d.bytes());
            case NSArray a -> {
                StringBuilder b = new StringBuilder();
                for (NSObject x : a.getArray()) {
                    if (!b.isEmpty()) b.append(", ");
                    b.append(text(x));
                }
                yield b.toString();
            }
            default -> o.toString();
        };
    }

    /** The domain named by a hint, or the one the keys give away. */
    static String domainOf(Map<String, String> values, String hint, String label) throws IOException {
        if (hint != null && !hint.isBlank()) return normalizeDomain(hint);
        if (values.keySet().stream().anyMatch(ROOT_KEYS::contains)) return DeviceInfo.ROOT;
        if (values.keySet().stream().anyMatch(DISK_KEYS::contains)) return DeviceInfo.DISK_USAGE;
        if (values.keySet().stream().anyMatch(BATTERY_KEYS::contains)) return DeviceInfo.BATTERY;
        if (values.keySet().stream().anyMatch(FMIP_KEYS::contains)) return DeviceInfo.FMIP;
        throw new IOException("Cannot tell which ideviceinfo domain " + label + " holds (keys: "
                + abbreviate(String.join(", ", values.keySet())) + "). Name it: --device-info com.apple.xxx=" + label);
    }

    /** Accepts full domain names and the short forms root, disk_usage (disk), battery, fmip. */
    public static String normalizeDomain(String hint) {
        String h = hint.trim();
        return switch (h.toLowerCase(Locale.ROOT)) {
            case "root", "", "default", "-" -> DeviceInfo.ROOT;
            case "disk", "disk_usage", "com.apple.disk_usage", "com.apple.disk_usage.factory" -> DeviceInfo.DISK_USAGE;
            case "battery", "mobile.battery", "com.apple.mobile.battery" -> DeviceInfo.BATTERY;
            case "fmip", "com.apple.fmip" -> DeviceInfo.FMIP;
            default -> h;
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
