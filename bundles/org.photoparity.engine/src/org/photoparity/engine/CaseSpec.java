package org.photoparity.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to analyse: the sources of each side (paths, each with an optional {@code kind:} prefix), the device
 * evidence, the technician's answers, settings, and where the scan cache lives.
 *
 * @param name          the case name shown in reports
 * @param deviceSources device-side sources
 * @param cloudSources  cloud-side sources
 * @param deviceInfo    ideviceinfo outputs, one file per domain ({@code DOMAIN=FILE} accepted)
 * @param backup        an iOS backup folder for device evidence, or null
 * @param answers       the answers file, or null
 * @param settings      matching, probe and report settings by key
 * @param cacheDir      folder for the scan caches (device.cache, cloud.cache), or null for no cache
 */
public record CaseSpec(String name, List<String> deviceSources, List<String> cloudSources, List<Path> deviceInfo,
        Path backup, Path answers, Map<String, String> settings, Path cacheDir) {

    public CaseSpec {
        deviceSources = List.copyOf(deviceSources);
        cloudSources = List.copyOf(cloudSources);
        deviceInfo = deviceInfo == null ? List.of() : List.copyOf(deviceInfo);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
