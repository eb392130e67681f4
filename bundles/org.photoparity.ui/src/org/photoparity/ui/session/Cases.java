package org.photoparity.ui.session;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.photoparity.cases.CaseFolder;
import org.photoparity.cases.RecentCases;
import org.photoparity.engine.CaseAnalysis;
import org.photoparity.ui.prefs.UiPrefs;

/** Remembers the workbench's recent cases; what a case analyses is the engine's ({@link CaseAnalysis}). */
public final class Cases {

    private static RecentCases recent;

    private Cases() {
    }

    /** The recent-cases list of this workbench instance. */
    public static synchronized RecentCases recent() {
        if (recent == null) {
            Path state = Platform.getStateLocation(Platform.getBundle(UiPrefs.BUNDLE)).toFile().toPath();
            recent = new RecentCases(state.resolve("recent-cases.txt"));
        }
        return recent;
    }

    /** The folder of the demo case (the engine's). */
    public static Path demoCaseFolder() {
        return CaseAnalysis.demoCaseFolder();
    }

    /** Generates the demo data and case when missing (the engine's). Does I/O: call it from a job. */
    public static CaseFolder ensureDemoCase() throws IOException {
        return CaseAnalysis.ensureDemoCase();
    }
}
