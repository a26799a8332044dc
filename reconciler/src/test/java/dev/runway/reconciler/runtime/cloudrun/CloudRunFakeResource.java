package dev.runway.reconciler.runtime.cloudrun;

import dev.runway.testing.cloudrun.FakeCloudRun;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts the Cloud Run fake on a loopback port and points the reconciler's cloudrun runtime at it.
 */
public class CloudRunFakeResource implements QuarkusTestResourceLifecycleManager {

  static volatile FakeCloudRun fake;

  @Override
  public Map<String, String> start() {
    try {
      fake = new FakeCloudRun().listen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "runway.reconciler.runtime", "cloudrun",
        "runway.reconciler.cloud-run.project", "runway-test",
        "runway.reconciler.cloud-run.endpoint", fake.endpoint(),
        "runway.reconciler.cloud-run.plaintext", "true",
        "runway.reconciler.cloud-run.poll-interval", "20ms");
  }

  @Override
  public void stop() {
    fake.close();
  }
}
