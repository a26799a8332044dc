package dev.runway.reconciler.deploy;

import java.util.Map;

/**
 * How one region's work ended.
 *
 * @param request the work that was carried out
 * @param url where the revision answers (deployed)
 * @param traffic the split set in the region (deployed)
 * @param urls where each revision in the split answers (deployed)
 * @param failure why it failed, or null
 * @param durationMs how long the region took
 */
record RegionOutcome(
    RegionWork request,
    String url,
    Map<String, Integer> traffic,
    Map<String, String> urls,
    String failure,
    long durationMs) {

  static RegionOutcome deployed(
      RegionWork request,
      String url,
      Map<String, Integer> traffic,
      Map<String, String> urls,
      long ms) {
    return new RegionOutcome(request, url, traffic, Map.copyOf(urls), null, ms);
  }

  static RegionOutcome removed(RegionWork request, long ms) {
    return new RegionOutcome(request, null, Map.of(), Map.of(), null, ms);
  }

  static RegionOutcome failed(RegionWork request, String reason, long ms) {
    return new RegionOutcome(request, null, Map.of(), Map.of(), reason, ms);
  }

  boolean succeeded() {
    return failure == null;
  }
}
