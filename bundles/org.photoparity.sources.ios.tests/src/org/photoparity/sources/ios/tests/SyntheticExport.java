package org.photoparity.sources.ios.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A two-part Apple privacy export laid out as documented (docs/formats.md): part 1 an English-named zip holding a
 * nested "iCloud Shared Albums.zip", part 2 an unzipped folder with a Norwegian name and a split Photo Details CSV.
 */
final class SyntheticExport {

    static final String HEADER = "imgName,fileChecksum,favorite,hidden,deleted,originalCreationDate,viewCount,importDate\n";
    static final String P1 = "iCloud Photos Part 1 of 2";
    static final String P1_ZIP = P1 + ".zip";
    static final String P2 = "iCloud-bilder Del 2 av 2";

    private SyntheticExport() {
    }

    static Path create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, byte[]> shared = new LinkedHashMap<>();
        shared.put("Family/train.jpg", read("photos/train.jpg"));
        shared.put("Family/train.mov", read("photos/train.mov"));

        Map<String, byte[]> p1 = new LinkedHashMap<>();
        p1.put(P1 + "/Photos/IMG_4580.HEIC", read("photos/IMG_4580.HEIC"));
        p1.put(P1 + "/Photos/IMG_4580.MOV", read("photos/IMG_4580.mov"));
        p1.put(P1 + "/Photos/IMG_4120.JPG", read("photos/IMG_4120.JPG"));
        p1.put(P1 + "/Photos/Photo Details.csv", (HEADER
                + "IMG_4580.HEIC,AfQj57ORF2JIumUCjO+PawZ9nqPg,yes,no,no,\"Saturday June 4,2022 12:11 PM GMT\",10,\"Saturday June 4,2022 12:11 PM GMT\"\n"
                + "IMG_4580.MOV,AbcDEFghiJKLmnoPQRstuVWXyz01,no,no,no,\"Saturday June 4,2022 12:11 PM GMT\",3,\"Saturday June 4,2022 12:11 PM GMT\"\n"
                + "IMG_4120.JPG,AQiWRlFyYQmwbX0mUXwqhf+TqR6M,no,yes,no,\"Monday January 2,2023 8:05 AM GMT\",0,\"Friday March 10,2023 11:59 PM GMT\"\n")
                .getBytes(StandardCharsets.UTF_8));
        p1.put(P1 + "/Albums/Holiday 2022.csv", "imgName\nIMG_4580.HEIC\nIMG_0658.JPG\n".getBytes(StandardCharsets.UTF_8));
        p1.put(P1 + "/Memories/Best of June.csv", "Images\nIMG_4120.JPG\n".getBytes(StandardCharsets.UTF_8));
        p1.put(P1 + "/iCloud Shared Albums.zip", zip(shared));
        Files.write(dir.resolve(P1_ZIP), zip(p1));

        Path p2 = dir.resolve(P2);
        copy("photos/IMG_0658.JPG", p2.resolve("Photos/IMG_0658.JPG"));
        // the same base name as a file of part 1, another photo
        copy("photos/iphone_7.heic", p2.resolve("Photos/IMG_4580.HEIC"));
        copy("photos/Apple iPhone 4.jpg", p2.resolve("Recently Deleted/IMG_0001.JPG"));
        copy("photos/Apple iPhone 6.jpg", p2.resolve("Recently Deleted/IMG_0002.JPG"));
        Files.writeString(p2.resolve("Photos/Photo Details-1.csv"), "\uFEFF" + HEADER
                + "IMG_0658.JPG,AVz9rBg6dj545oO5JYFJqHkczrcc,no,no,no,\"Monday January 2,2023 8:05 AM GMT\",1,\"Monday January 2,2023 8:05 AM GMT\"\n");
        Files.writeString(p2.resolve("Photos/Photo Details-2.csv"), HEADER
                + "IMG_4580.HEIC,AR+EBsqiK/ZDwaYWNlhjg+1C8N93,no,no,no,\"Friday March 10,2023 11:59 PM GMT\",2,\"Friday March 10,2023 11:59 PM GMT\"\n"
                + "IMG_0001.JPG,AUYcoI67SWhTl3sp47nYN+sQCb0E,no,no,yes,\"not a date\",0,\"Friday March 10,2023 11:59 PM GMT\"\n");
        Files.writeString(p2.resolve(".DS_Store"), "junk");
        Files.writeString(dir.resolve("README.txt"), "downloaded from privacy.apple.com");
        return dir;
    }

    static byte[] read(String fixture) throws IOException {
        return Files.readAllBytes(Fixtures.real(fixture));
    }

    static void copy(String fixture, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(Fixtures.real(fixture), to);
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        return org.photoparity.demo.RealScenario.zip(entries);
    }

    static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream o = Files.newOutputStream(zip)) {
            o.write(zip(entries));
        }
    }
}
