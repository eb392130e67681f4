package org.photoparity.core.tests;

/** Declared as a probe but implements nothing. */
public class NotAProbe {
}
