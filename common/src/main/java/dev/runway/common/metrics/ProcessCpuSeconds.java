package dev.runway.common.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;

/**
 * The CPU time the process has used, in seconds ({@code process_cpu_seconds_total}, the name
 * Prometheus's own clients give it). Micrometer counts it in nanoseconds, which {@link
 * LintCleanMeters} drops.
 */
public final class ProcessCpuSeconds implements MeterBinder {

  @Override
  public void bindTo(MeterRegistry registry) {
    if (!(ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os)) {
      return; // a JVM without the HotSpot bean has no process CPU time to give
    }
    FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
        .baseUnit("seconds")
        .description("CPU time the process has used, in seconds")
        .register(registry);
  }
}
