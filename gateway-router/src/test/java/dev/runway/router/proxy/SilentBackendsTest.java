package dev.runway.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilentBackendsTest {

  private static final long MS = 1_000_000L;

  private final List<String> cut = new ArrayList<>();
  private final SilentBackends silent = new SilentBackends(1000);

  private SilentBackends.Watched exchange(String name) {
    return new SilentBackends.Watched() {
      @Override
      protected void silentTooLong() {
        cut.add(name);
      }
    };
  }

  @Test
  void shouldCutOffOnlyTheExchangesSilentForTheWholeTimeout() {
    var early = exchange("early");
    var late = exchange("late");
    silent.watch(early, 0);
    silent.watch(late, 500 * MS);

    silent.sweep(999 * MS);
    assertThat(cut).isEmpty();

    silent.sweep(1000 * MS);
    assertThat(cut).containsExactly("early");
    assertThat(silent.watched()).isEqualTo(1);

    silent.sweep(1500 * MS);
    assertThat(cut).containsExactly("early", "late");
    assertThat(silent.watched()).isZero();
  }

  @Test
  void shouldRestartTheClockWheneverTheBackendIsHeard() {
    var streaming = exchange("streaming");
    silent.watch(streaming, 0);

    silent.heard(streaming, 900 * MS);
    silent.sweep(1800 * MS);
    assertThat(cut).isEmpty();

    silent.sweep(1900 * MS);
    assertThat(cut).containsExactly("streaming");
  }

  @Test
  void shouldForgetFinishedExchangesAndAllowUnwatchingTwice() {
    var done = exchange("done");
    var other = exchange("other");
    silent.watch(done, 0);
    silent.watch(other, 0);

    silent.unwatch(done);
    silent.unwatch(done);
    silent.sweep(5000 * MS);

    assertThat(cut).containsExactly("other");
  }

  @Test
  void shouldWatchARetryOnceWithItsNewStart() {
    var retried = exchange("retried");
    silent.watch(retried, 0);
    silent.watch(retried, 800 * MS); // the next region's attempt

    assertThat(silent.watched()).isEqualTo(1);
    silent.sweep(1500 * MS);
    assertThat(cut).isEmpty();
    silent.sweep(1800 * MS);
    assertThat(cut).containsExactly("retried");
  }
}
