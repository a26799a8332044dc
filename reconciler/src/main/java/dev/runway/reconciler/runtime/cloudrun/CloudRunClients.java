package dev.runway.reconciler.runtime.cloudrun;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Builds the Cloud Run Admin API client. Operations are polled from {@code pollInterval} (growing
 * 1.5× up to ten times that) rather than the library's 5 s first wait: a region that is ready in
 * two seconds should not look like it took five.
 */
public final class CloudRunClients {

  private CloudRunClients() {}

  /** Against Google, with Application Default Credentials. */
  public static ServicesClient google(String endpoint, Duration pollInterval, Duration timeout) {
    return create(ServicesSettings.newBuilder().setEndpoint(endpoint), pollInterval, timeout);
  }

  /** Against a Cloud Run fake on loopback: plaintext gRPC, no credentials. */
  public static ServicesClient plaintext(String endpoint, Duration pollInterval, Duration timeout) {
    return create(
        ServicesSettings.newBuilder()
            .setEndpoint(endpoint)
            .setCredentialsProvider(NoCredentialsProvider.create())
            .setTransportChannelProvider(
                ServicesSettings.defaultGrpcTransportProviderBuilder()
                    .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                    .build()),
        pollInterval,
        timeout);
  }

  /** With the given transport and credentials already set on {@code settings}. */
  public static ServicesClient create(
      ServicesSettings.Builder settings, Duration pollInterval, Duration timeout) {
    OperationTimedPollAlgorithm polling =
        OperationTimedPollAlgorithm.create(
            RetrySettings.newBuilder()
                .setInitialRetryDelayDuration(pollInterval)
                .setRetryDelayMultiplier(1.5)
                .setMaxRetryDelayDuration(pollInterval.multipliedBy(10))
                .setInitialRpcTimeoutDuration(Duration.ZERO)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxRpcTimeoutDuration(Duration.ZERO)
                .setTotalTimeoutDuration(timeout)
                .build());
    settings.createServiceOperationSettings().setPollingAlgorithm(polling);
    settings.updateServiceOperationSettings().setPollingAlgorithm(polling);
    settings.deleteServiceOperationSettings().setPollingAlgorithm(polling);
    try {
      return ServicesClient.create(settings.build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Cloud Run client: " + e.getMessage(), e);
    }
  }
}
