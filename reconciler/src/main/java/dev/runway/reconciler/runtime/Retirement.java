package dev.runway.reconciler.runtime;

import dev.runway.common.process.LocalProcessRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which revisions of a region stop once a new one is ready: all but the newest {@code warm}, and
 * never one that still takes traffic, so that a rollback to a warm revision is a traffic shift.
 */
final class Retirement {
  private Retirement() {}

  static List<LocalProcessRecord> toStop(
      List<LocalProcessRecord> records, Map<String, Integer> traffic, int warm) {
    List<LocalProcessRecord> newestFirst = new ArrayList<>(records);
    newestFirst.sort(Comparator.comparing(LocalProcessRecord::revision).reversed());
    List<LocalProcessRecord> stop = new ArrayList<>();
    for (int i = warm; i < newestFirst.size(); i++) {
      LocalProcessRecord old = newestFirst.get(i);
      if (traffic.getOrDefault(old.revision(), 0) == 0) {
        stop.add(old);
      }
    }
    return stop;
  }
}
