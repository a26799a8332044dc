package dev.runway.reconciler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.process.LocalProcessRecord;
import dev.runway.common.process.ProcessIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetirementTest {

  private static LocalProcessRecord record(String revision) {
    return new LocalProcessRecord(
        revision, new ProcessIdentity(1, Instant.EPOCH), 1, "/healthz", null);
  }

  @Test
  void shouldStopAllButTheNewestWarmRevisions() {
    List<LocalProcessRecord> records =
        List.of(record("s-staging-00001"), record("s-staging-00003"), record("s-staging-00002"));

    assertThat(Retirement.toStop(records, Map.of(), 2))
        .extracting(LocalProcessRecord::revision)
        .containsExactly("s-staging-00001");
  }

  @Test
  void shouldKeepAnOldRevisionThatStillTakesTraffic() {
    List<LocalProcessRecord> records =
        List.of(record("s-staging-00001"), record("s-staging-00002"), record("s-staging-00003"));

    assertThat(Retirement.toStop(records, Map.of("s-staging-00001", 10), 1))
        .extracting(LocalProcessRecord::revision)
        .containsExactly("s-staging-00002");
  }

  @Test
  void shouldStopNothingWhileThereAreNoMoreThanWarm() {
    assertThat(Retirement.toStop(List.of(record("s-staging-00001")), Map.of(), 2)).isEmpty();
  }
}
