package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photoparity.core.model.ProbeStatus.FAIL;
import static org.photoparity.core.model.ProbeStatus.PASS;
import static org.photoparity.core.model.ProbeStatus.UNKNOWN;
import static org.photoparity.core.model.ProbeStatus.WARN;
import static org.photoparity.fixes.tests.Probes.anyContains;
import static org.photoparity.fixes.tests.Probes.expect;
import static org.photoparity.fixes.tests.Probes.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.Sharing;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.sources.ios.PhotosDatabase;

/**
 * Fix 3 and the iCloud Shared Photo Library: its content uses only the iCloud storage of the person who created it
 * (Apple, "How to use iCloud Shared Photo Library"). A participant's plan holds none of it; the creator's holds all
 * of it. Where it is not known which the user is, the probe judges only what holds both ways.
 */
class SharedLibraryStorageTest {

    private static final long GB = 1_000_000_000L;

    @TempDir
    Path dir;

    private static Asset listed(String name, Sharing sharing, Map<String, String> extra) {
        Listing l = new Listing(0, "Photos.sqlite ZASSET", name, "DCIM/100APPLE/" + name, null, null, 2 * GB, 4032,
                3024, Instant.parse("2025-06-01T10:00:00Z"), AssetKind.PHOTO, CloudState.SYNCED, true, 0, null, false,
                false, false, false, extra, sharing, null, null);
        return new Asset("0:" + name, AssetKind.PHOTO, List.of(), l);
    }

    private static Mismatch missingInCloud(Asset a) {
        return new Mismatch(Category.MISSING_IN_CLOUD, List.of(a.listing().path()), List.of(), null,
                "only on the device", java.util.Set.of(), List.of(a), List.of());
    }

    /**
     * 10 cloud assets of 2 GB (20 GB scanned), 5 library assets of 2 GB missing in the cloud (10 GB), and Shared
     * Library items of 2 GB each, missing in the cloud: {@code others} another participant's
     * ({@link Sharing#SHARED_LIBRARY_OTHER}), and {@code own}, this user's.
     */
    static ReconcileResult library(int others, List<Asset> own) {
        List<Asset> device = new ArrayList<>();
        List<Mismatch> mm = new ArrayList<>();
        for (int i = 0; i < 5; i++) device.add(listed("IMG_" + i + ".HEIC", Sharing.LIBRARY, Map.of()));
        for (int i = 0; i < others; i++) {
            device.add(listed("SPL_" + i + ".HEIC", Sharing.SHARED_LIBRARY_OTHER, Map.of()));
        }
        device.addAll(own);
        for (Asset a : device) {
            Mismatch m = missingInCloud(a);
            mm.add(a.listing().sharing().isShared() ? m.explained(a.listing().sharing().reason()) : m);
        }
        return Fixtures.result(device, Fixtures.assets("cloud", 10, 2 * GB), mm);
    }

    private static ProbeResult probe(ReconcileResult r, String... answers) {
        Map<String, String> a = new HashMap<>();
        a.put("icloud_plan", "50GB");
        a.put("icloud_other_usage_gb", "2");
        for (int i = 0; i < answers.length; i += 2) a.put(answers[i], answers[i + 1]);
        return run("probe.icloudstorage", new CaseEvidence(r, a, Map.of("network.endpoints", "none")));
    }

    /**
     * 7 items of another participant (14 GB): counted, the library needs 46 GB of the 50GB plan (92 %, nearly
     * full); left out, 32 GB (it fits). Which holds depends on who created the Shared Library: no verdict until
     * the technician says.
     */
    @Test
    void otherParticipantsItemsDoNotDecideThePlanWhileTheOwnerIsUnknown() {
        ProbeResult p = expect(UNKNOWN, probe(library(7, List.of())));
        assertTrue(p.summary().contains("shared_library_owner"), p.summary());
    }

    /** The technician says this user joined someone else's Shared Library: none of it counts. */
    @Test
    void aParticipantsPlanHoldsNoneOfTheSharedLibrary() {
        ProbeResult p = expect(PASS, probe(library(7, List.of()), "shared_library_owner", "no"));
        assertEquals("the library and the other iCloud usage (32.00 GB) fit the 50GB plan", p.summary());
    }

    /** 3 items this user added to the Shared Library (2 GB each), the listing saying {@code owner} or not. */
    private static List<Asset> own(String owner) {
        List<Asset> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(listed("MINE_" + i + ".HEIC", Sharing.SHARED_LIBRARY,
                    owner == null ? Map.of() : Map.of(Listing.SHARED_LIBRARY_OWNER, owner)));
        }
        return out;
    }

    /** 5 library (10 GB) + 4 of another participant + 3 of this user (14 GB) missing; 20 GB scanned; 2 GB other. */
    private static ReconcileResult mixed(String listedOwner) {
        return library(4, own(listedOwner));
    }

    @Test
    void unknownOwnerAsksTheQuestionAndNamesBothFigures() {
        ProbeResult p = expect(UNKNOWN, probe(mixed(null)));
        assertEquals("Who created the iCloud Shared Photo Library decides: counting its 7 Shared Library items"
                + " (14.00 GB), the library needs 46.00 GB of the 50GB plan (92 %): nearly full; without them, the"
                + " library and the other iCloud usage (32.00 GB) fit the 50GB plan; ask whether this Apple ID created"
                + " the Shared Library (Settings > Apps > Photos > Shared Library offers Delete Shared Library to its"
                + " creator, Leave Shared Library to the others) and answer shared_library_owner", p.summary());
        assertTrue(anyContains(p.evidence(), "analysis: 5 assets \u201cMissing in iCloud\u201d need 10.00 GB"),
                p.evidence().toString());
        assertTrue(anyContains(p.evidence(), "analysis: 7 Shared Library items \u201cMissing in iCloud\u201d"
                + " (14.00 GB): they count only if this user created the Shared Library, which is not known"),
                p.evidence().toString());
        assertTrue(anyContains(p.evidence(), "needed in iCloud: 32.00 GB without the 7 Shared Library items (14.00 GB),"
                + " 46.00 GB with them with the other usage; smallest plan that fits: 50GB without, 50GB with"),
                p.evidence().toString());
    }

    @Test
    void aParticipantsPlanHoldsNeitherItsOwnNorOthersSharedLibraryItems() {
        ProbeResult p = expect(PASS, probe(mixed(null), "shared_library_owner", "no"));
        assertEquals("the library and the other iCloud usage (32.00 GB) fit the 50GB plan", p.summary());
        assertTrue(anyContains(p.evidence(), "answer shared_library_owner = no"), p.evidence().toString());
        assertTrue(anyContains(p.evidence(), "7 Shared Library items \u201cMissing in iCloud\u201d (14.00 GB) left"
                + " out: this user joined someone else's Shared Library, which uses only its creator's iCloud storage"),
                p.evidence().toString());
    }

    @Test
    void theCreatorsPlanHoldsAllOfTheSharedLibrary() {
        ProbeResult p = expect(WARN, probe(mixed(null), "shared_library_owner", "yes"));
        assertEquals("the library needs 46.00 GB of the 50GB plan (92 %): nearly full", p.summary());
        assertTrue(anyContains(p.evidence(), "7 Shared Library items \u201cMissing in iCloud\u201d (14.00 GB) count:"
                + " this user created the Shared Library, and all its content uses the creator's iCloud storage"),
                p.evidence().toString());
    }

    @Test
    void theDeviceListingSaysWhoCreatedItWhenTheTechnicianDoesNot() {
        ProbeResult owner = expect(WARN, probe(mixed("yes")));
        assertEquals("the library needs 46.00 GB of the 50GB plan (92 %): nearly full", owner.summary());
        assertTrue(anyContains(owner.evidence(), "device listing (Photos.sqlite ZASSET): this user created the Shared"
                + " Library (owner)"), owner.evidence().toString());
        ProbeResult participant = expect(PASS, probe(mixed("no")));
        assertTrue(anyContains(participant.evidence(), "joined the Shared Library as a participant"),
                participant.evidence().toString());
        // the technician's answer wins, and the disagreement is said
        ProbeResult answered = expect(PASS, probe(mixed("yes"), "shared_library_owner", "no"));
        assertTrue(anyContains(answered.evidence(), "the answer shared_library_owner and the device listing disagree:"
                + " the answer is used"), answered.evidence().toString());
    }

    /** A verdict that holds both ways is kept, stated where it holds for sure, and says the items did not matter. */
    @Test
    void aVerdictTheSharedLibraryCannotChangeIsKept() {
        ProbeResult pass = expect(PASS, probe(mixed(null), "icloud_plan", "200GB"));
        assertEquals("the library and the other iCloud usage (46.00 GB) fit the 200GB plan", pass.summary());
        assertTrue(anyContains(pass.evidence(), "the 7 Shared Library items (14.00 GB) do not change the verdict: it"
                + " holds whether or not they count (who created the Shared Library is not known)"),
                pass.evidence().toString());

        ProbeResult fail = expect(FAIL, probe(mixed(null), "icloud_plan", "5GB"));
        assertEquals("the library needs 32.00 GB but the plan is 5GB: upgrade to 50GB or free space", fail.summary());
        assertTrue(anyContains(fail.evidence(), "do not change the verdict"), fail.evidence().toString());
    }

    /** Nearly full without the Shared Library, over the plan with it: a warning holds both ways. */
    @Test
    void aWarningHoldsWhenOnlyTheSeverityDepends() {
        ProbeResult p = expect(WARN, probe(mixed(null), "icloud_other_usage_gb", "16"));
        assertTrue(p.summary().startsWith("the library needs 46.00 GB of the 50GB plan (92 %): nearly full; more if"
                + " this user created the Shared Library, whose 7 items (14.00 GB) then count: ask whether"),
                p.summary());
        assertTrue(p.summary().endsWith("answer shared_library_owner"), p.summary());
    }

    /** Shared Library items the cloud scan holds (matched on both sides) leave the scanned size for a participant. */
    @Test
    void sharedLibraryItemsInTheScannedCloudLibraryLeaveItForAParticipant() {
        List<Asset> device = new ArrayList<>();
        List<Mismatch> mm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Asset a = listed("IMG_" + i + ".HEIC", Sharing.LIBRARY, Map.of());
            device.add(a);
            mm.add(missingInCloud(a));
        }
        // found in the cloud too: no mismatch
        for (int i = 0; i < 2; i++) device.add(listed("SPL_" + i + ".HEIC", Sharing.SHARED_LIBRARY_OTHER, Map.of()));
        ReconcileResult r = Fixtures.result(device, Fixtures.assets("cloud", 10, 2 * GB), mm);
        ProbeResult p = expect(PASS, probe(r, "shared_library_owner", "no"));
        assertEquals("the library and the other iCloud usage (28.00 GB) fit the 50GB plan", p.summary());
        assertTrue(anyContains(p.evidence(), "analysis: 2 Shared Library items in the scanned cloud library (4.00 GB)"
                + " left out"), p.evidence().toString());
        // the creator's plan holds them, and the scanned size already does
        ProbeResult creator = expect(PASS, probe(r, "shared_library_owner", "yes"));
        assertEquals("the library and the other iCloud usage (32.00 GB) fit the 50GB plan", creator.summary());
    }

    /**
     * A Photos.sqlite of 10 synced assets (2.4 MB each), the last 5 in an iCloud Shared Library (no contributor
     * rows), this user's ZSHAREPARTICIPANT row with {@code role} (null: the column is absent, as in older schemas).
     */
    private Path sharedLibraryDb(String name, Integer role) throws Exception {
        List<Fixtures.Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) rows.add(Fixtures.Row.synced(Fixtures.uuid("S", i)));
        Path db = Fixtures.photosDb(dir.resolve(name + "/Photos.sqlite"), rows);
        try (Connection c = new org.sqlite.SQLiteConfig().createConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE ZASSET ADD COLUMN ZACTIVELIBRARYSCOPEPARTICIPATIONSTATE INTEGER");
            st.execute("ALTER TABLE ZASSET ADD COLUMN ZLIBRARYSCOPE INTEGER");
            st.execute("UPDATE ZASSET SET ZACTIVELIBRARYSCOPEPARTICIPATIONSTATE = 1, ZLIBRARYSCOPE = 7 WHERE Z_PK > 5");
            st.execute("CREATE TABLE ZSHARE (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZSCOPETYPE INTEGER)");
            st.execute("INSERT INTO ZSHARE VALUES (7, 55, 4)");
            st.execute("CREATE TABLE ZSHAREPARTICIPANT (Z_PK INTEGER PRIMARY KEY, ZISCURRENTUSER INTEGER, ZSHARE INTEGER"
                    + (role == null ? "" : ", ZROLE INTEGER") + ")");
            st.execute("INSERT INTO ZSHAREPARTICIPANT VALUES (1, 1, 7" + (role == null ? "" : ", " + role) + ")");
            st.execute("INSERT INTO ZSHAREPARTICIPANT VALUES (2, 0, 7" + (role == null ? "" : ", " + (3 - role)) + ")");
        }
        return db;
    }

    /** Every listed asset missing in the cloud; the cloud scan 4.48 GB; the 5GB plan, nothing else in iCloud. */
    private static ProbeResult probeDb(Path db, String... answers) throws Exception {
        List<Asset> device = new ArrayList<>();
        List<Mismatch> mm = new ArrayList<>();
        try (PhotosDatabase p = PhotosDatabase.open(db)) {
            for (Listing l : p.listings(0)) {
                Asset a = new Asset("0:" + l.path(), AssetKind.PHOTO, List.of(), l);
                device.add(a);
                mm.add(missingInCloud(a));
            }
        }
        ReconcileResult r = Fixtures.result(device, Fixtures.assets("cloud", 1, 4_480_000_000L), mm);
        Map<String, String> a = new HashMap<>(Map.of("icloud_plan", "5GB", "icloud_other_usage_gb", "0"));
        for (int i = 0; i < answers.length; i += 2) a.put(answers[i], answers[i + 1]);
        return run("probe.icloudstorage", new CaseEvidence(r, a, Map.of("network.endpoints", "none")));
    }

    /**
     * From Photos.sqlite to the verdict: 4.49 GB without the Shared Library's 5 items (12 MB), 4.50 GB with them,
     * over 90 % of the 5GB plan. The current user's ZROLE decides (1 owner, 2 invitee); without it, the question.
     */
    @Test
    void photosSqliteSaysWhoCreatedTheSharedLibrary() throws Exception {
        ProbeResult owner = expect(WARN, probeDb(sharedLibraryDb("owner", 1)));
        assertEquals("the library needs 4.50 GB of the 5GB plan (90 %): nearly full", owner.summary());
        assertTrue(anyContains(owner.evidence(), "this user created the Shared Library (owner)"),
                owner.evidence().toString());

        ProbeResult invitee = expect(PASS, probeDb(sharedLibraryDb("invitee", 2)));
        assertEquals("the library and the other iCloud usage (4.49 GB) fit the 5GB plan", invitee.summary());
        assertTrue(anyContains(invitee.evidence(), "5 Shared Library items \u201cMissing in iCloud\u201d (12.0 MB)"
                + " left out"), invitee.evidence().toString());

        Path noRole = sharedLibraryDb("norole", null);
        ProbeResult unknown = expect(UNKNOWN, probeDb(noRole));
        assertTrue(unknown.summary().startsWith("Who created the iCloud Shared Photo Library decides"),
                unknown.summary());
        expect(PASS, probeDb(noRole, "shared_library_owner", "no"));
    }
}
