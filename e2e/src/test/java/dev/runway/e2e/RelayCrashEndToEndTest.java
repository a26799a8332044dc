package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.ServiceRequested;
import dev.runway.testing.TopicRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox relay killed between publishing a batch and marking it sent (the crash hook halts the
 * provisioner there, as {@code kill -9} would): the restarted relay publishes the same events
 * again, and every effect still happens once, because consumers skip what their inbox has seen.
 */
@ExtendWith(SharedPlatform.class)
class RelayCrashEndToEndTest {

  @Test
  void eventsPublishedAgainAfterTheCrashTakeEffectOnce(Launcher launcher) throws Exception {
    List<String> names = IntStream.range(0, 3).mapToObj(i -> "relay-crash-" + i).toList();
    try (TopicRecorder bus = TopicRecorder.everything(launcher.kafka())) {
      // Given the provisioner's relay asked to crash after its next publish
      Path hook = SharedPlatform.hooks(launcher).resolve("crash-after-publish-provisioner");
      Files.createDirectories(hook.getParent());
      Files.writeString(hook, "");
      long before = launcher.pid("provisioner");

      // When an inventory of new services is posted: its ServiceRequested events are published,
      // and the provisioner halts before it marks them sent
      // (the relay wakes on the commit, so the halt may cut the answer short: the inventory was
      // committed either way, or the relay would have had nothing to publish)
      try {
        Api.post(
            launcher,
            launcher.provisioner() + "/api/v1/inventory",
            "application/json",
            Api.inventory(names.toArray(String[]::new)));
      } catch (java.io.IOException cutShort) {
        // the provisioner halted before its answer left
      }
      launcher.awaitRestart("provisioner", before, Duration.ofMinutes(3));
      assertThat(hook).as("the hook fired once").doesNotExist();

      // Then every service is provisioned once, though its request was on the bus twice
      Api.awaitProvisionedOnce(bus, names);
      for (String name : names) {
        assertThat(bus.ids(ServiceRequested.class, name))
            .as("%s's request, published before the crash and again after it", name)
            .hasSizeGreaterThanOrEqualTo(2)
            .containsOnly(bus.ids(ServiceRequested.class, name).get(0));
      }
    }
  }
}
