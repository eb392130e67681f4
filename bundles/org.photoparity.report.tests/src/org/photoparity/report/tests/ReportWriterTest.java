package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.model.SourceRef;
import org.photoparity.core.registry.FixDescriptor;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.demo.DemoCase;
import org.photoparity.report.InventoryJson;
import org.photoparity.report.LikelyCause;
import org.photoparity.report.LikelyCauses;
import org.photoparity.report.Losses;
import org.photoparity.report.ReportCsv;
import org.photoparity.report.ReportOptions;
import org.photoparity.report.ReportWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** report.json, mismatches.csv and report.html written for the demo case and read back field by field. */
class ReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ReconcileResult demoResult(Path tmp) throws IOException {
        return DemoResult.of(DemoCase.create(tmp.resolve("demo")));
    }

    @Test
    void reportJsonHasTheFixedShape(@TempDir Path tmp) throws Exception {
        ReconcileResult r = demoResult(tmp);
        ReportWriter.Written w = ReportWriter.write(r, DemoResult.probes(), null,
                ReportOptions.defaults().withGeneratedAt(Instant.parse("2024-05-07T10:00:00Z")), tmp.resolve("out"),
                null);
        JsonNode root = JSON.readTree(w.json().toFile());
        assertEquals(1, root.get("schema").asInt());
        assertEquals("2024-05-07T10:00:00Z", root.get("generatedAt").asText());

        JsonNode device = root.get("sides").get("device");
        assertEquals(r.device().sources().get(0).path(), device.get("sources").get(0).get("path").asText());
        assertEquals("folder", device.get("sources").get(0).get("kind").asText());
        // device: IMG_0001-0007, 0009-0014 = 13 assets; 17 files (5 and 12 have a MOV, 11 a render and an AAE)
        assertEquals(13, device.get("assets").asInt());
        assertEquals(17, device.get("files").asInt());
        assertEquals(r.device().bytes(), device.get("bytes").asLong());
        assertTrue(device.get("unreadable").isArray());
        assertEquals(0, device.get("unreadable").size());
        JsonNode cloud = root.get("sides").get("cloud");
        assertEquals("icloudpd", cloud.get("sources").get(0).get("kind").asText());
        assertEquals(r.cloud().assets().size(), cloud.get("assets").asInt());

        JsonNode summary = root.get("summary");
        assertEquals(DemoCase.EXPECTED_IDENTICAL, summary.get("identical").asInt());
        for (Category c : Category.values()) {
            assertNotNull(summary.get(c.name()), "summary lacks " + c);
            assertEquals(1, summary.get(c.name()).asInt(), c.name());
        }
        assertEquals(3 + Category.values().length, summary.size(), "identical, losses, explained, every category");
        assertEquals(3, summary.get("losses").asInt(), "MISSING_IN_CLOUD, MISSING_ON_DEVICE, LIVE_PHOTO_INCOMPLETE");
        assertEquals(Category.values().length - 3, summary.get("explained").asInt());

        JsonNode mismatches = root.get("mismatches");
        assertEquals(Category.values().length, mismatches.size());
        JsonNode conv = find(mismatches, "CONVERTED");
        assertEquals(List.of("DCIM/100APPLE/IMG_0009.PNG"), strings(conv.get("device")));
        assertEquals(List.of("2024/05/03/IMG_0009.JPG"), strings(conv.get("cloud")));
        assertEquals("image-unique-id", conv.get("matchedBy").asText());
        assertTrue(conv.get("detail").asText().contains("PNG"));
        JsonNode missing = find(mismatches, "MISSING_IN_CLOUD");
        assertTrue(missing.get("matchedBy").isNull());
        assertEquals(0, missing.get("cloud").size());
        assertEquals(List.of("recently-deleted"), strings(find(mismatches, "MISSING_ON_DEVICE").get("states")));

        JsonNode probes = root.get("probes");
        assertEquals(5, probes.size());
        JsonNode charging = probes.get(4);
        assertEquals(7, charging.get("fix").asInt());
        assertEquals("probe.charging", charging.get("id").asText());
        assertEquals("FAIL", charging.get("status").asText());
        assertEquals("Battery at 15 %, not charging, Low Power Mode on", charging.get("summary").asText());
        assertEquals("ideviceinfo-battery.txt: BatteryCurrentCapacity=15", charging.get("evidence").get(0).asText());

        JsonNode causes = root.get("likelyCauses");
        assertEquals(7, causes.get(0).get("fix").asInt(), "the failed charging check explains most: " + causes);
        assertEquals(1, causes.get(0).get("rank").asInt());
        assertEquals(2, causes.get(0).get("explains").size(), "MISSING_IN_CLOUD and LIVE_PHOTO_INCOMPLETE");
    }

    @Test
    void csvParsesBackRowForRow(@TempDir Path tmp) throws Exception {
        ReconcileResult r = demoResult(tmp);
        ReportWriter.Written w = ReportWriter.write(r, List.of(), null, ReportOptions.defaults(), tmp.resolve("out"),
                null);
        String raw = Files.readString(w.csv(), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith("category,device,cloud,matchedBy,detail,states,loss,explanation\r\n"), raw);
        try (Reader in = Files.newBufferedReader(w.csv(), StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            assertEquals(List.of(ReportCsv.HEADER), p.getHeaderNames());
            List<CSVRecord> rows = p.getRecords();
            assertEquals(r.mismatches().size(), rows.size());
            List<Mismatch> lossesFirst = Losses.first(r.mismatches());
            for (int i = 0; i < rows.size(); i++) {
                Mismatch m = lossesFirst.get(i);
                CSVRecord row = rows.get(i);
                assertEquals(m.category().name(), row.get("category"));
                assertEquals(String.join(ReportCsv.JOIN, m.device()), row.get("device"));
                assertEquals(String.join(ReportCsv.JOIN, m.cloud()), row.get("cloud"));
                assertEquals(m.matchedBy() == null ? "" : m.matchedBy(), row.get("matchedBy"));
                assertEquals(m.detail(), row.get("detail"));
                assertEquals(String.join(ReportCsv.JOIN, m.states()), row.get("states"));
            }
            CSVRecord edited = rows.stream().filter(x -> x.get("category").equals("EDITED")).findFirst().get();
            assertEquals("DCIM/100APPLE/IMG_0011.JPG | DCIM/100APPLE/IMG_E0011.JPG | DCIM/100APPLE/IMG_0011.AAE",
                    edited.get("device"));
        }
    }

    @Test
    void htmlShowsEveryCountEscapesAndLoadsNothingFromOutside(@TempDir Path tmp) throws Exception {
        ReconcileResult demo = demoResult(tmp);
        List<Mismatch> ms = new ArrayList<>(demo.mismatches());
        String evil = "DCIM/100APPLE/<script>alert('x')</script>.JPG";
        ms.add(new Mismatch(Category.MISSING_IN_CLOUD, List.of(evil), List.of(), null, "name with \"quotes\" & <b>",
                Set.of(), List.of(), List.of()));
        ReconcileResult r = new ReconcileResult(demo.device(), demo.cloud(), demo.identical(), ms, demo.matchedBy());
        ReportWriter.Written w = ReportWriter.write(r, DemoResult.probes(), null, ReportOptions.defaults(),
                tmp.resolve("out"), null);
        String html = Files.readString(w.html(), StandardCharsets.UTF_8);

        for (Category c : Category.values()) {
            long expected = c == Category.MISSING_IN_CLOUD ? 2 : 1;
            assertTrue(html.contains("id=\"count-" + c.name() + "\">" + expected + "</td>"), c + " count missing");
        }
        assertTrue(html.contains("id=\"count-identical\">6</td>"));
        assertFalse(html.contains("<script"), "a file name must not become markup");
        assertTrue(html.contains("DCIM/100APPLE/&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;.JPG"));
        assertTrue(html.contains("name with &quot;quotes&quot; &amp; &lt;b&gt;"));
        assertFalse(html.contains("http://"), "no external reference");
        assertFalse(html.contains("https://"), "no external reference");
        assertFalse(Pattern.compile("(src|href)=\"(?!data:|#)", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "every src/href is a data: URI or an in-page anchor");
        assertTrue(html.contains("<svg"), "chart");

        // thumbnails: JPEG/PNG files become data: URIs; the MOV and AAE get no picture
        Matcher m = Pattern.compile("src=\"data:image/jpeg;base64,").matcher(html);
        int pictures = 0;
        while (m.find()) pictures++;
        // one per asset with a JPEG or PNG primary in the 9 planted rows (16: the half of IMG_0014 that the cloud
        // holds shows what it holds), plus the edited render IMG_E0011
        assertEquals(17, pictures);
        assertTrue(html.contains("<figcaption>edited: IMG_E0011.JPG</figcaption>"));
        assertTrue(html.contains("not involved"), "the device side of the cloud duplicate");
        assertTrue(html.contains("listed only") || html.contains("not on this side"));

        // likely causes: fix 7 first with its FAIL badge
        int causes = html.indexOf("id=\"causes\"");
        int fix7 = html.indexOf("Fix 7", causes);
        assertTrue(fix7 > causes && fix7 < html.indexOf("Fix 2", causes), "fix 7 ranks above fix 2");
    }

    @Test
    void thumbnailsOffAndCapped(@TempDir Path tmp) throws Exception {
        ReconcileResult r = demoResult(tmp);
        String off = Files.readString(ReportWriter.write(r, List.of(), null,
                ReportOptions.defaults().withThumbnails(false), tmp.resolve("off"), null).html());
        assertFalse(off.contains("data:image/jpeg"));
        assertTrue(off.contains("thumbnails switched off"));
        String capped = Files.readString(ReportWriter.write(r, List.of(), null,
                ReportOptions.defaults().withMaxThumbnails(3), tmp.resolve("capped"), null).html());
        assertEquals(3, capped.split("data:image/jpeg;base64,", -1).length - 1);
        assertTrue(capped.contains("preview limit (3) reached"));
    }

    @Test
    void refusesToWriteInsideASource(@TempDir Path tmp) throws Exception {
        ReconcileResult r = demoResult(tmp);
        Path inside = Path.of(r.device().sources().get(0).path()).resolve("report");
        IOException e = assertThrows(IOException.class,
                () -> ReportWriter.write(r, List.of(), null, ReportOptions.defaults(), inside, null));
        assertTrue(e.getMessage().contains("outside the photo library"), e.getMessage());
        assertFalse(Files.exists(inside));
    }

    @Test
    void likelyCausesFollowTheDeclaredTable() {
        List<LikelyCause> causes = LikelyCauses.rank(lossesAndOthers(), List.of(
                new ProbeResult(6, "probe.update", ProbeStatus.WARN, "iOS 16.1", List.of()),
                new ProbeResult(1, "probe.settings", ProbeStatus.PASS, "ok", List.of())), sevenFixes());
        // losses only: fix 4: 3 MISSING_ON_DEVICE x 1 = 3; fixes 2,3,5,7: 1 MISSING_IN_CLOUD = 1;
        // fix 1: (1 + 3) x 0.2 = 0.8; fix 6: WARN alone 0.25 x 2 = 0.5; the 5 REDUCED (not losses) count nowhere
        assertEquals(List.of(4, 2, 3, 5, 7, 1, 6), causes.stream().map(LikelyCause::fix).toList());
        assertEquals(3.0, causes.get(0).score(), 1e-9);
        assertEquals(Map.of(Category.MISSING_ON_DEVICE, 3L), causes.get(0).explains());
        assertEquals("iPhone storage and Optimize Storage", causes.get(0).title());
        assertEquals(ProbeStatus.PASS, causes.get(5).probeStatus());
        assertEquals(0.8, causes.get(5).score(), 1e-9);
        assertTrue(causes.get(6).explanation().contains("Explains none"), causes.get(6).explanation());
        // the table is what the fix bundles declare: nobody explains a conversion among the seven
        assertTrue(sevenFixes().stream().allMatch(f -> f.strength(Category.CONVERTED) == 0));
    }

    /** The test-only eighth fix of this bundle's plugin.xml takes part everywhere the seven do. */
    @Test
    void anEighthFixIsRankedNamedAndWrittenToJsonAndHtml(@TempDir Path tmp) throws Exception {
        FixDescriptor eighth = fix(8);
        assertEquals("Test eighth fix: resume a paused sync", eighth.title());
        assertEquals(Map.of(Category.MISSING_IN_CLOUD, 0.5), eighth.explains());
        List<ProbeResult> probes = new ArrayList<>(DemoResult.probes());
        probes.add(new ProbeResult(8, "test.probe.eighth", ProbeStatus.WARN, "test warning", List.of()));
        List<LikelyCause> causes = LikelyCauses.rank(lossesAndOthers(), probes);
        LikelyCause c8 = causes.stream().filter(c -> c.fix() == 8).findFirst().orElseThrow();
        assertEquals(1 * 0.5 * 2, c8.score(), 1e-9, "1 MISSING_IN_CLOUD x strength 0.5 x WARN");
        assertEquals(eighth.title(), c8.title());

        ReportWriter.Written w = ReportWriter.write(demoResult(tmp), probes, null, ReportOptions.defaults(),
                tmp.resolve("out"), null);
        JsonNode root = new ObjectMapper().readTree(w.json().toFile());
        boolean inCauses = false;
        for (JsonNode n : root.get("likelyCauses")) {
            if (n.get("fix").asInt() == 8) {
                inCauses = true;
                assertEquals(eighth.title(), n.get("title").asText());
                assertTrue(n.get("explains").get("MISSING_IN_CLOUD").asInt() > 0, n.toString());
            }
        }
        assertTrue(inCauses, root.get("likelyCauses").toString());
        boolean inProbes = false;
        for (JsonNode n : root.get("probes")) inProbes |= n.get("id").asText().equals("test.probe.eighth");
        assertTrue(inProbes);
        String html = Files.readString(w.html(), StandardCharsets.UTF_8);
        assertTrue(html.contains("Fix 8</span> <b>" + eighth.title()), "report.html names the eighth fix");
    }

    /** A fix whose bundle is not installed is neither ranked nor named in report.json and report.html. */
    @Test
    void aRemovedFixAppearsNowhere(@TempDir Path tmp) throws Exception {
        List<FixDescriptor> without7 = PhotoParityRegistry.get().fixes().stream().filter(f -> f.number() != 7)
                .toList();
        List<ProbeResult> probes = DemoResult.probes().stream().filter(p -> p.fix() != 7).toList();
        ReconcileResult r = demoResult(tmp);
        List<LikelyCause> causes = LikelyCauses.rank(r, probes, without7);
        assertTrue(causes.stream().noneMatch(c -> c.fix() == 7));
        ReportWriter.Written w = ReportWriter.write(r, probes, causes, ReportOptions.defaults(), tmp.resolve("out"),
                null);
        String title7 = fix(7).title();
        for (Path p : List.of(w.json(), w.html())) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertFalse(text.contains(title7), p + " names the removed fix");
            assertFalse(text.contains("Fix 7"), p.toString());
            assertFalse(text.contains("\"fix\" : 7"), p.toString());
        }
    }

    private static FixDescriptor fix(int n) {
        return PhotoParityRegistry.get().fixes().stream().filter(f -> f.number() == n).findFirst().orElseThrow();
    }

    /** The seven fixes of the product's fix bundles (without this bundle's test fix). */
    private static List<FixDescriptor> sevenFixes() {
        List<FixDescriptor> seven = PhotoParityRegistry.get().fixes().stream()
                .filter(f -> f.bundle().startsWith("org.photoparity.fix.")).toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), seven.stream().map(FixDescriptor::number).toList());
        return seven;
    }

    /** 3 MISSING_ON_DEVICE, 1 MISSING_IN_CLOUD, 1 CONVERTED and 5 REDUCED: the last six are not losses. */
    private ReconcileResult lossesAndOthers() {
        SideInventory empty = new SideInventory(SideRole.DEVICE, List.of(), List.of(), List.of(), List.of(), 0, 0, 0);
        SideInventory emptyCloud = new SideInventory(SideRole.CLOUD, List.of(), List.of(), List.of(), List.of(), 0, 0,
                0);
        List<Mismatch> ms = new ArrayList<>();
        for (int i = 0; i < 3; i++) ms.add(mismatch(Category.MISSING_ON_DEVICE));
        ms.add(mismatch(Category.MISSING_IN_CLOUD));
        ms.add(mismatch(Category.CONVERTED));
        for (int i = 0; i < 5; i++) ms.add(mismatch(Category.REDUCED)); // not losses: not counted
        return new ReconcileResult(empty, emptyCloud, 0, ms, Map.of());
    }

    @Test
    void probesAreNamedByTheirTitlesNotTheirIds(@TempDir Path tmp) throws Exception {
        ReconcileResult r = demoResult(tmp);
        List<LikelyCause> causes = LikelyCauses.rank(r, DemoResult.probes());
        LikelyCause network = causes.stream().filter(c -> c.fix() == 2).findFirst().orElseThrow();
        assertTrue(network.explanation().contains("Probe Network and iCloud reachability: warn"),
                network.explanation());
        for (LikelyCause c : causes) assertFalse(c.explanation().contains("probe."), c.explanation());
        String html = Files.readString(ReportWriter.write(r, DemoResult.probes(), null, ReportOptions.defaults(),
                tmp.resolve("out"), null).html());
        assertFalse(html.contains(">probe."), "a check is shown by its title, not its id");
        assertTrue(html.contains("<td title=\"probe.charging\">Charge, and Low Power Mode off</td>"), "title shown");
    }

    @Test
    void thumbnailsComeFromZipEntriesToo(@TempDir Path tmp) throws Exception {
        byte[] jpeg = org.photoparity.demo.SyntheticMedia.jpeg(org.photoparity.demo.MediaSpec.builder().size(300, 200)
                .seed(5).build());
        Path zip = tmp.resolve("iCloud Photos Part 1 of 1.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("iCloud Photos Part 1 of 1/Photos/IMG_0100.JPG"));
            out.write(jpeg);
            out.closeEntry();
        }
        MediaFile f = new MediaFile(0, "iCloud Photos Part 1 of 1/Photos/IMG_0100.JPG", MediaFormat.JPEG,
                ResourceRole.ORIGINAL, jpeg.length, 0, null, null, null, 300, 200, 1, null, null, null, null, null, null,
                false, null, Map.of());
        MediaFile gone = new MediaFile(0, "iCloud Photos Part 1 of 1/Photos/IMG_0101.JPG", MediaFormat.JPEG,
                ResourceRole.ORIGINAL, 10, 0, null, null, null, 300, 200, 1, null, null, null, null, null, null,
                false, null, Map.of());
        Asset a = new Asset("0:a", AssetKind.PHOTO, List.of(f), null);
        Asset b = new Asset("0:b", AssetKind.PHOTO, List.of(gone), null);
        SideInventory cloud = new SideInventory(SideRole.CLOUD, List.of(new SourceRef(zip.toString(),
                "privacy-export")), List.of(a, b), List.of(), List.of(), 2, 2, jpeg.length + 10);
        SideInventory device = new SideInventory(SideRole.DEVICE, List.of(), List.of(), List.of(), List.of(), 0, 0, 0);
        ReconcileResult r = new ReconcileResult(device, cloud, 0, List.of(
                new Mismatch(Category.MISSING_ON_DEVICE, List.of(), List.of(f.path()), null, "d", Set.of(), List.of(),
                        List.of(a)),
                new Mismatch(Category.MISSING_ON_DEVICE, List.of(), List.of(gone.path()), null, "d", Set.of(),
                        List.of(), List.of(b))), Map.of());
        String html = Files.readString(ReportWriter.write(r, List.of(), null, ReportOptions.defaults(),
                tmp.resolve("out"), null).html());
        assertEquals(1, html.split("data:image/jpeg;base64,", -1).length - 1, "the zip entry is previewed");
        assertTrue(html.contains("width=\"160\" height=\"107\""), "scaled to 160 px on the long edge");
        assertTrue(html.contains("no preview: no entry iCloud Photos Part 1 of 1/Photos/IMG_0101.JPG in "),
                "a missing entry says so");
    }

    private static Mismatch mismatch(Category c) {
        return new Mismatch(c, List.of("a"), List.of("b"), "k", "d", Set.of(), List.of(), List.of());
    }

    @Test
    void inventoryJsonListsEveryField(@TempDir Path tmp) throws Exception {
        MediaFile f = new MediaFile(0, "DCIM/100APPLE/IMG_0001.HEIC", MediaFormat.HEIC, ResourceRole.ORIGINAL, 2048,
                1714559400000L, new CaptureTime(LocalDateTime.of(2024, 5, 1, 12, 30, 0, 250_000_000),
                        java.time.ZoneOffset.ofHours(2)),
                "Apple", "iPhone 11", 4032, 3024, 6, 46.2, 6.1, "CID-1", "UID-1", null, "sha256:abc", false, null,
                Map.of("codec", "hvc1"));
        Listing l = new Listing(1, "Photos.sqlite ZASSET", "IMG_0001.HEIC", "DCIM/100APPLE/IMG_0001.HEIC", "GUID-1",
                "AfQj57", 2048L, 4032, 3024, Instant.parse("2024-05-01T10:30:00Z"), AssetKind.PHOTO,
                CloudState.SYNCED, Boolean.TRUE, 0, null, false, false, true, false, Map.of());
        SideInventory side = new SideInventory(SideRole.DEVICE, List.of(new SourceRef("/backup", "ios-backup")),
                List.of(new Asset("0:DCIM/100APPLE/IMG_0001.HEIC", AssetKind.PHOTO, List.of(f), l)),
                List.of(new FileIssue(0, "DCIM/100APPLE/IMG_0002.HEIC", "truncated file")),
                List.of(new FileIssue(0, ".DS_Store", "Finder metadata")), 3, 1, 2048);
        Path out = tmp.resolve("inv.json");
        InventoryJson.write(side, out);
        JsonNode root = JSON.readTree(out.toFile());
        assertEquals("device", root.get("side").asText());
        assertEquals("ios-backup", root.get("sources").get(0).get("kind").asText());
        JsonNode totals = root.get("totals");
        assertEquals(1, totals.get("assets").asInt());
        assertEquals(3, totals.get("filesSeen").asInt());
        assertEquals(1, totals.get("unreadable").asInt());
        assertEquals(1, totals.get("ignored").asInt());
        assertTrue(totals.get("countsAddUp").asBoolean());
        JsonNode file = root.get("assets").get(0).get("files").get(0);
        assertEquals("HEIC", file.get("format").asText());
        assertEquals("2024-05-01T12:30:00.250", file.get("captured").get("local").asText());
        assertEquals("+02:00", file.get("captured").get("offset").asText());
        assertEquals("2024-05-01T10:30:00.250Z", file.get("captured").get("instant").asText());
        assertEquals(4032, file.get("width").asInt());
        assertEquals(6, file.get("orientation").asInt());
        assertEquals(46.2, file.get("latitude").asDouble(), 1e-9);
        assertEquals("CID-1", file.get("contentIdentifier").asText());
        assertEquals("UID-1", file.get("imageUniqueId").asText());
        assertTrue(file.get("burstId").isNull());
        assertEquals("hvc1", file.get("extra").get("codec").asText());
        JsonNode listing = root.get("assets").get(0).get("listing");
        assertEquals("SYNCED", listing.get("cloudState").asText());
        assertEquals("2024-05-01T10:30:00Z", listing.get("created").asText());
        assertTrue(listing.get("favorite").asBoolean());
        assertTrue(listing.get("mediaGroup").isNull());
        assertEquals("truncated file", root.get("unreadable").get(0).get("reason").asText());
        assertEquals("Finder metadata", root.get("ignored").get(0).get("why").asText());
        Iterator<String> names = file.fieldNames();
        List<String> fields = new ArrayList<>();
        names.forEachRemaining(fields::add);
        assertEquals(21, fields.size(), "every MediaFile component: " + fields);
    }

    private static JsonNode find(JsonNode mismatches, String category) {
        for (JsonNode m : mismatches) if (m.get("category").asText().equals(category)) return m;
        throw new AssertionError("no " + category);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
