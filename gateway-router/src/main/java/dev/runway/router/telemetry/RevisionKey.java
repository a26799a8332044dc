package dev.runway.router.telemetry;

import dev.runway.common.manifest.Environment;

/** What traffic is counted by: one revision of a service in one region. */
public record RevisionKey(
    String service, Environment environment, String region, String revision) {}
