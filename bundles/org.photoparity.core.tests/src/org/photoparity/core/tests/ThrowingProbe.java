package org.photoparity.core.tests;

/** A contribution whose constructor fails: the registry must report it and carry on. */
public class ThrowingProbe extends TestProbe {
    public ThrowingProbe() {
        throw new IllegalStateException("boom from constructor");
    }
}
