package dev.runway.cli.demo;

import java.util.ArrayList;
import java.util.List;

/** Who served a sequence of requests, as runs: "us-east1 x9, europe-west1 x11". */
final class Runs {
  private Runs() {}

  static String of(List<String> servedBy) {
    List<String> runs = new ArrayList<>();
    String current = null;
    int count = 0;
    for (String region : servedBy) {
      if (!region.equals(current) && current != null) {
        runs.add(name(current) + " x" + count);
        count = 0;
      }
      current = region;
      count++;
    }
    if (current != null) {
      runs.add(name(current) + " x" + count);
    }
    return String.join(", ", runs);
  }

  /**
   * Whether every request was served by {@code fallback} first and, once the failed region was
   * back, by it alone: a failover with no error and no flapping.
   */
  static boolean failedOverAndBack(List<String> servedBy, String fallback, String failed) {
    int i = 0;
    while (i < servedBy.size() && servedBy.get(i).equals(fallback)) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < servedBy.size() && servedBy.get(i).equals(failed)) {
      i++;
    }
    return i == servedBy.size();
  }

  private static String name(String region) {
    return region.isEmpty() ? "(failed)" : region;
  }
}
