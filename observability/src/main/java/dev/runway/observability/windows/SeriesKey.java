package dev.runway.observability.windows;

import dev.runway.common.manifest.Environment;

/** One revision of one service in one environment and region: what SLIs are kept for. */
public record SeriesKey(String service, Environment environment, String region, String revision) {}
