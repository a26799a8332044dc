package dev.runway.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunsTest {

  @Test
  void shouldTellWhoServedAsRuns() {
    assertThat(Runs.of(List.of("us-east1", "us-east1", "europe-west1", "", "us-east1")))
        .isEqualTo("us-east1 x2, europe-west1 x1, (failed) x1, us-east1 x1");
    assertThat(Runs.of(List.of())).isEmpty();
  }

  @Test
  void shouldAcceptAFailoverThatComesBackOnceAndNothingElse() {
    assertThat(Runs.failedOverAndBack(List.of("b", "b", "a", "a"), "b", "a")).isTrue();
    assertThat(Runs.failedOverAndBack(List.of("b", "b", "b"), "b", "a")).isTrue();
    // served by the dead region first, a failed request, or flapping back and forth
    assertThat(Runs.failedOverAndBack(List.of("a", "b"), "b", "a")).isFalse();
    assertThat(Runs.failedOverAndBack(List.of("b", "", "b"), "b", "a")).isFalse();
    assertThat(Runs.failedOverAndBack(List.of("b", "a", "b"), "b", "a")).isFalse();
  }
}
