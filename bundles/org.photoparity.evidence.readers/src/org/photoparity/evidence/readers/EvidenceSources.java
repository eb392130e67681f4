package org.photoparity.evidence.readers;

import java.util.List;

/** What was read to build a case's evidence, and the warnings met, for reports and the workbench. */
public record EvidenceSources(List<String> read, List<String> warnings) {
    public EvidenceSources {
        read = List.copyOf(read);
        warnings = List.copyOf(warnings);
    }
}
