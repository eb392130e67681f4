package org.photoparity.core.registry;

/** A contribution that could not be loaded: reported with the bundle that made it, and skipped. */
public record ContributionProblem(ContributionKind kind, String id, String bundle, String message) {
}
