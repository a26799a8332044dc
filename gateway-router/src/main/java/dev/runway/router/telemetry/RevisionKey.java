package dev.runway.router.telemetry;

/** What traffic is counted by: one revision of a service in one region. */
public record RevisionKey(String service, String environment, String region, String revision) {}
