package org.photoparity.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The content of a case.json (format version {@value CaseFolder#FORMAT_VERSION}); see CASE-FORMAT.md. Paths are
 * stored as the technician gave them; relative ones are relative to the case folder.
 *
 * @param name          the case's name, as the technician typed it
 * @param deviceSources device-side sources (folders, zips, iOS backups, Photos.sqlite)
 * @param cloudSources  cloud-side sources (privacy export zips, icloudpd folders...)
 * @param deviceInfo    ideviceinfo output files
 * @param backup        an iOS backup folder for evidence, or null
 * @param answers       file name of the technician's answers, beside case.json
 * @param settings      per-case settings (matching thresholds, probe settings) overriding the workbench's
 * @param checklist     strategy id to the indices (0-based) of the steps the technician ticked
 * @param created       ISO-8601 instant the case was created
 * @param lastAnalysis  figures of the last analysis, or null before the first one
 */
public record CaseData(String name, List<String> deviceSources, List<String> cloudSources, List<String> deviceInfo,
        String backup, String answers, Map<String, String> settings, Map<String, List<Integer>> checklist,
        String created, LastAnalysis lastAnalysis) {

    public static final String DEFAULT_ANSWERS = "answers.properties";

    public CaseData {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a case needs a name");
        deviceSources = deviceSources == null ? List.of() : List.copyOf(deviceSources);
        cloudSources = cloudSources == null ? List.of() : List.copyOf(cloudSources);
        deviceInfo = deviceInfo == null ? List.of() : List.copyOf(deviceInfo);
        answers = answers == null || answers.isBlank() ? DEFAULT_ANSWERS : answers;
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(settings));
        Map<String, List<Integer>> c = new TreeMap<>();
        if (checklist != null) {
            checklist.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) c.put(k, List.copyOf(new TreeSet<>(v)));
            });
        }
        checklist = Collections.unmodifiableMap(c);
    }

    public static CaseData named(String name) {
        return new CaseData(name, List.of(), List.of(), List.of(), null, null, Map.of(), Map.of(),
                java.time.Instant.now().toString(), null);
    }

    public CaseData withSources(List<String> device, List<String> cloud) {
        return new CaseData(name, device, cloud, deviceInfo, backup, answers, settings, checklist, created,
                lastAnalysis);
    }

    public CaseData withEvidence(List<String> deviceInfoFiles, String backupDir) {
        return new CaseData(name, deviceSources, cloudSources, deviceInfoFiles, backupDir, answers, settings,
                checklist, created, lastAnalysis);
    }

    public CaseData withSettings(Map<String, String> newSettings) {
        return new CaseData(name, deviceSources, cloudSources, deviceInfo, backup, answers, newSettings, checklist,
                created, lastAnalysis);
    }

    /** The ticked steps of one strategy, replacing what was ticked before. */
    public CaseData withChecklist(String strategyId, Collection<Integer> ticked) {
        Map<String, List<Integer>> c = new LinkedHashMap<>(checklist);
        if (ticked == null || ticked.isEmpty()) c.remove(strategyId);
        else c.put(strategyId, new ArrayList<>(ticked));
        return new CaseData(name, deviceSources, cloudSources, deviceInfo, backup, answers, settings, c, created,
                lastAnalysis);
    }

    public CaseData withLastAnalysis(LastAnalysis last) {
        return new CaseData(name, deviceSources, cloudSources, deviceInfo, backup, answers, settings, checklist,
                created, last);
    }

    public List<Integer> ticked(String strategyId) {
        return checklist.getOrDefault(strategyId, List.of());
    }
}
