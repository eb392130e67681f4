package org.photoparity.sources.ios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNull;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSSet;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;
import com.dd.plist.UID;

/** Property lists (XML or binary) as plain Java values: String, Long, Double, Boolean, Date, byte[], List, Map. */
final class Plists {

    private Plists() {
    }

    /** The top-level dictionary of a plist file, or an empty map when the file does not exist. */
    static Map<String, Object> readDictionary(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Map.of();
        NSObject root = parse(Files.readAllBytes(file), file.toString());
        if (!(root instanceof NSDictionary)) {
            throw new IOException(file + " is a property list but not a dictionary; the backup may be damaged.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) toJava(root);
        return map;
    }

    static NSObject parse(byte[] bytes, String name) throws IOException {
        try {
            return PropertyListParser.parse(bytes);
        } catch (Exception e) { // dd-plist throws parser-specific checked and unchecked exceptions
            throw new IOException(name + " is not a readable property list (" + e.getMessage()
                    + "); the backup may be incomplete: make a new one.", e);
        }
    }

    static Object toJava(NSObject o) {
        return switch (o) {
            case null -> null;
            case NSDictionary d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Map.Entry<String, NSObject> e : d.getHashMap().entrySet()) m.put(e.getKey(), toJava(e.getValue()));
                yield Collections.unmodifiableMap(m);
            }
            case NSArray a -> {
                List<Object> l = new ArrayList<>();
                for (NSObject x : a.getArray()) l.add(toJava(x));
                yield Collections.unmodifiableList(l);
            }
            case NSSet s -> {
                List<Object> l = new ArrayList<>();
                for (NSObject x : s.allObjects()) l.add(toJava(x));
                yield Collections.unmodifiableList(l);
            }
            case NSNumber n -> n.isBoolean() ? (Object) n.boolValue()
                    : n.isInteger() ? (Object) n.longValue() : (Object) n.doubleValue();
            case NSString s -> s.getContent();
            case NSDate d -> d.getDate();
            case NSData d -> d.bytes();
            case UID u -> {
                long v = 0;
                for (byte b : u.getBytes()) v = (v << 8) | (b & 0xff);
                yield v;
            }
            case NSNull nul -> null;
            default -> o.toJavaObject();
        };
    }
}
