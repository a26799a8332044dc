package dev.runway.reconciler.runtime;

/**
 * A revision that runs in a region.
 *
 * @param revision its name
 * @param url where it answers
 */
public record RunningRevision(String revision, String url) {}
