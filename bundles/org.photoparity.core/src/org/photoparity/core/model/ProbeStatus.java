package org.photoparity.core.model;

/** A probe's verdict. UNKNOWN when there is no evidence: never PASS by default. */
public enum ProbeStatus {
    PASS, WARN, FAIL, UNKNOWN
}
