package dev.runway.observability.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.Sli;
import dev.runway.common.events.SloStatus;
import dev.runway.observability.slo.SliVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusChangesTest {

  private static SliVerdict verdict(Sli sli, SloStatus status) {
    return new SliVerdict(sli, status, List.of(), 1.0, 0);
  }

  @Test
  void healthyOnlyWhenEverySliIsHealthy() {
    assertThat(
            StatusChanges.overall(
                List.of(
                    verdict(Sli.AVAILABILITY, SloStatus.HEALTHY),
                    verdict(Sli.LATENCY, SloStatus.HEALTHY))))
        .isEqualTo(SloStatus.HEALTHY);
    assertThat(
            StatusChanges.overall(
                List.of(
                    verdict(Sli.AVAILABILITY, SloStatus.HEALTHY),
                    verdict(Sli.LATENCY, SloStatus.INSUFFICIENT_DATA))))
        .isEqualTo(SloStatus.INSUFFICIENT_DATA);
  }

  @Test
  void anyBreachWinsAndNothingJudgedIsNotHealthy() {
    assertThat(
            StatusChanges.overall(
                List.of(
                    verdict(Sli.AVAILABILITY, SloStatus.INSUFFICIENT_DATA),
                    verdict(Sli.LATENCY, SloStatus.BREACHED))))
        .isEqualTo(SloStatus.BREACHED);
    assertThat(StatusChanges.overall(List.of())).isEqualTo(SloStatus.INSUFFICIENT_DATA);
  }
}
