package dev.runway.observability.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.manifest.Environment;
import dev.runway.observability.testing.Stats;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {

  @Test
  void aWindowSumsItsLastSecondsAndForgetsOlderOnes() {
    SlidingWindow window = new SlidingWindow(5);
    for (long s = 100; s < 110; s++) {
      window.add(s, 10, s % 2, new long[17 - 1]);
    }
    Totals totals = window.sum(109);
    assertThat(totals.requests()).isEqualTo(50);
    assertThat(totals.errors()).isEqualTo(2 + 1); // 105, 107, 109
    assertThat(window.sum(120).requests()).isZero();
  }

  @Test
  void aSumFromASecondHoldsNothingBeforeItEvenInWideSlots() {
    SlidingWindow seconds = new SlidingWindow(60);
    SlidingWindow wide = new SlidingWindow(3600); // 6-second slots
    for (long s = 1000; s < 1060; s++) {
      seconds.add(s, 1, 0, new long[16]);
      wide.add(s, 1, 0, new long[16]);
    }
    assertThat(seconds.sumFrom(1050, 1059).requests()).isEqualTo(10);
    assertThat(seconds.alignedFrom(1050)).isEqualTo(1050);
    // 1050 = 175 * 6 begins a slot: all ten count.
    assertThat(wide.sumFrom(1050, 1059).requests()).isEqualTo(10);
    // From 1051 the slot 1050..1055 holds a second before it: the sum starts at 1056.
    assertThat(wide.alignedFrom(1051)).isEqualTo(1056);
    assertThat(wide.sumFrom(1051, 1059).requests()).isEqualTo(4);
    // Never more than the window itself.
    assertThat(seconds.sumFrom(0, 1059).requests()).isEqualTo(60);
  }

  @Test
  void newerSecondsArrivingBeforeTheWindowIsReadDoNotEvictIt() {
    // Windows end two seconds back; the seconds after have usually arrived by then.
    SlidingWindow window = new SlidingWindow(1);
    window.add(100, 7, 0, new long[16]);
    window.add(101, 9, 0, new long[16]);
    window.add(102, 11, 0, new long[16]);
    assertThat(window.sum(100).requests()).isEqualTo(7);
    SlidingWindow ten = new SlidingWindow(10);
    for (long s = 90; s <= 102; s++) {
      ten.add(s, 1, 0, new long[16]);
    }
    assertThat(ten.sum(100).requests()).isEqualTo(10);
  }

  @Test
  void aLateRecordLandsInItsSecondAndATooOldOneIsDropped() {
    SlidingWindow window = new SlidingWindow(5);
    window.add(200, 1, 0, new long[16]);
    window.add(199, 1, 0, new long[16]);
    window.add(194, 1, 0, new long[16]); // older than the window: outside every sum from 200 on
    assertThat(window.sum(200).requests()).isEqualTo(2);
  }

  @Test
  void longWindowsUseWiderSlotsWithinTheSlotCap() {
    SlidingWindow window = new SlidingWindow(259_200);
    for (long s = 0; s < 259_200; s += 60) {
      window.add(s, 1, 0, new long[16]);
    }
    assertThat(window.sum(259_199).requests()).isEqualTo(259_200 / 60);
    assertThat(window.sum(259_199 + 259_200).requests()).isZero();
  }

  @Test
  void latencySliCountsBucketsAboveTheThresholdAsSlow() {
    SliStore store = new SliStore(List.of(10L));
    store.add(Stats.second("s", Environment.STAGING, "r", "v", 50, 100, 0, 900));
    store.add(Stats.second("s", Environment.STAGING, "r", "v", 51, 10, 0, 1500));
    Totals totals = store.series().values().iterator().next().over(10, 51);
    assertThat(totals.latency(1024).bad()).isEqualTo(10);
    assertThat(totals.latency(600).bad())
        .as("a threshold inside a bucket counts it slow")
        .isEqualTo(110);
    assertThat(totals.availability().bad()).isZero();
  }

  @Test
  void quantilesInterpolateInsideTheBucketAsPrometheusDoes() {
    Totals totals = new Totals(100, 0, new long[16]);
    totals.latency()[5] = 100; // (16, 32] ms
    assertThat(totals.quantileMs(0.5)).isEqualTo(24.0);
    assertThat(totals.quantileMs(0.95)).isEqualTo(31.2);
    assertThat(Totals.empty().quantileMs(0.95)).isNaN();
  }

  @Test
  void seriesWithoutTrafficInTheLongestWindowAreForgotten() {
    SliStore store = new SliStore(List.of(5L, 60L));
    store.add(Stats.second("s", Environment.STAGING, "r", "v1", 100, 1, 0, 1));
    store.add(Stats.second("s", Environment.STAGING, "r", "v2", 150, 1, 0, 1));
    store.prune(165);
    assertThat(store.series().keySet()).extracting(SeriesKey::revision).containsExactly("v2");
  }
}
