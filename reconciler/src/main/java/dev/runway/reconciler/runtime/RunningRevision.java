package dev.runway.reconciler.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A revision that runs in a region.
 *
 * @param revision its name
 * @param url where it answers
 */
public record RunningRevision(String revision, String url) {

  /** Where each of the running revisions answers, by revision. */
  public static Map<String, String> urls(List<RunningRevision> running) {
    Map<String, String> urls = new HashMap<>();
    running.forEach(r -> urls.put(r.revision(), r.url()));
    return urls;
  }
}
