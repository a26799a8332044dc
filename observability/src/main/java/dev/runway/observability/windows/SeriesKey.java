package dev.runway.observability.windows;

/** One revision of one service in one environment and region: what SLIs are kept for. */
public record SeriesKey(String service, String environment, String region, String revision) {}
