package dev.runway.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.manifest.Environment;
import dev.runway.observability.testing.Stats;
import dev.runway.observability.windows.SeriesKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class SloMetricsTest {

  @Test
  void countsEveryRequestAndHistogramBucketExactly() {
    var registry =
        new io.micrometer.prometheus.PrometheusMeterRegistry(
            io.micrometer.prometheus.PrometheusConfig.DEFAULT);
    SloMetrics metrics = new SloMetrics(registry);
    metrics.record(Stats.second("s", Environment.STAGING, "r", "v1", 100, 50, 5, 300));
    metrics.record(Stats.second("s", Environment.STAGING, "r", "v1", 101, 10, 0, 3));
    String labels = "environment=\"staging\",region=\"r\",revision=\"v1\",service=\"s\",";
    assertThat(registry.scrape())
        .contains("runway_requests_total{code_class=\"5xx\"," + labels + "} 5.0")
        .contains("runway_requests_total{code_class=\"2xx\"," + labels + "} 55.0")
        .contains("runway_request_latency_seconds_bucket{" + labels + "le=\"0.002\",} 0.0")
        .contains("runway_request_latency_seconds_bucket{" + labels + "le=\"0.004\",} 10.0")
        .contains("runway_request_latency_seconds_bucket{" + labels + "le=\"0.256\",} 10.0")
        .contains("runway_request_latency_seconds_bucket{" + labels + "le=\"0.512\",} 60.0")
        .contains("runway_request_latency_seconds_count{" + labels + "} 60.0");
  }

  @Test
  void forgetsEverySeriesOfARevisionThatLeftTheWindows() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SloMetrics metrics = new SloMetrics(registry);
    metrics.record(Stats.second("s", Environment.STAGING, "r", "v1", 100, 50, 5, 300));
    metrics.record(Stats.second("s", Environment.STAGING, "r", "v2", 100, 50, 5, 300));
    metrics.forget(new SeriesKey("s", Environment.STAGING, "r", "v1"));
    assertThat(registry.getMeters())
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.getId().getTag("revision")).isEqualTo("v2"));
  }
}
