package dev.runway.reconciler.runtime.cloudrun;

import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import dev.runway.common.events.Revision;
import dev.runway.common.manifest.Environment;
import dev.runway.reconciler.runtime.DeployFailed;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.reconciler.runtime.RegionRuntime;
import dev.runway.reconciler.runtime.RunningRevision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Runs each region's revisions on Cloud Run through the Admin API v2: one Cloud Run service per
 * service, environment and region ({@code projects/{project}/locations/{region}/services/{id}}),
 * whose template is the revision and whose traffic split is the region's. Every mutation is a
 * long-running operation awaited here, and every answer is read back from the service itself, so a
 * reconciler restarted mid-deploy adopts what Cloud Run already has instead of asking twice.
 */
public final class CloudRunRuntime implements RegionRuntime, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CloudRunRuntime.class);

  private final ServicesClient client;
  private final String project;
  private final Duration operationTimeout;

  public CloudRunRuntime(ServicesClient client, String project, Duration operationTimeout) {
    this.client = client;
    this.project = project;
    this.operationTimeout = operationTimeout;
  }

  /**
   * The Cloud Run service id: the service's own name in production (the one the provisioner
   * creates), suffixed with the environment elsewhere. Revision names start with it, as Cloud Run
   * requires.
   */
  static String serviceId(Placement placement) {
    return placement.environment() == Environment.PRODUCTION
        ? placement.service()
        : placement.service() + "-" + placement.environment();
  }

  @Override
  public RunningRevision deploy(Placement placement, Revision revision) throws DeployFailed {
    ServiceName name = name(placement);
    Optional<Service> existing = find(name);
    if (existing.isPresent() && revision.name().equals(latestReady(existing.get()))) {
      LOG.infof("Adopted %s in %s: Cloud Run already serves it", revision.name(), placement);
      return new RunningRevision(revision.name(), existing.get().getUri());
    }
    Service.Builder desired =
        Service.newBuilder().setTemplate(ServiceTemplates.of(revision, placement));
    Service result;
    if (existing.isEmpty()) {
      // A new service serves its first revision with everything: there is nothing else to serve.
      desired.addTraffic(
          TrafficTarget.newBuilder()
              .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST)
              .setPercent(100));
      result =
          await(
              placement,
              "create",
              client.createServiceAsync(
                  LocationName.of(project, placement.region()),
                  desired.build(),
                  serviceId(placement)));
    } else {
      // The new revision starts with no traffic; shifting it is route()'s job, step by step.
      desired.setName(name.toString()).addAllTraffic(pinned(existing.get()));
      result = await(placement, "update", client.updateServiceAsync(desired.build()));
    }
    if (!revision.name().equals(latestReady(result))) {
      throw new DeployFailed(
          revision.name()
              + " did not become ready on Cloud Run in "
              + placement.region()
              + ": "
              + result.getTerminalCondition().getMessage());
    }
    LOG.infof("Deployed %s in %s at %s", revision.name(), placement, result.getUri());
    return new RunningRevision(revision.name(), result.getUri());
  }

  @Override
  public void route(Placement placement, Map<String, Integer> weights) throws DeployFailed {
    Service current =
        find(name(placement))
            .orElseThrow(
                () ->
                    new DeployFailed(
                        "cannot route in "
                            + placement
                            + ": no Cloud Run service "
                            + name(placement)));
    Service.Builder desired = current.toBuilder().clearTraffic();
    weights.forEach(
        (revision, percent) -> {
          if (percent > 0) {
            desired.addTraffic(revisionTarget(revision, percent));
          }
        });
    await(placement, "route", client.updateServiceAsync(desired.build()));
    LOG.infof("Traffic in %s is now %s", placement, weights);
  }

  @Override
  public List<RunningRevision> running(Placement placement) {
    return find(name(placement))
        .map(
            service -> {
              TreeSet<String> names = new TreeSet<>(traffic(service).keySet());
              String latest = latestReady(service);
              if (latest != null) {
                names.add(latest);
              }
              List<RunningRevision> running = new ArrayList<>();
              names.forEach(n -> running.add(new RunningRevision(n, service.getUri())));
              return running;
            })
        .orElse(List.of());
  }

  @Override
  public Map<String, Integer> traffic(Placement placement) {
    return find(name(placement)).map(CloudRunRuntime::traffic).orElse(Map.of());
  }

  @Override
  public void remove(Placement placement) {
    try {
      await(placement, "delete", client.deleteServiceAsync(name(placement)));
      LOG.infof("Deleted Cloud Run service %s", name(placement));
    } catch (DeployFailed e) {
      if (!(e.getCause() instanceof NotFoundException)) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static Map<String, Integer> traffic(Service service) {
    Map<String, Integer> split = new LinkedHashMap<>();
    for (TrafficTargetStatus status : service.getTrafficStatusesList()) {
      String revision =
          status.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST
              ? latestReady(service)
              : status.getRevision();
      if (revision != null && status.getPercent() > 0) {
        split.merge(revision, status.getPercent(), Integer::sum);
      }
    }
    return split;
  }

  /** The service's traffic with "latest" pinned to today's latest, so a new revision gets none. */
  private static List<TrafficTarget> pinned(Service service) {
    List<TrafficTarget> targets = new ArrayList<>();
    traffic(service).forEach((revision, percent) -> targets.add(revisionTarget(revision, percent)));
    return targets;
  }

  private static TrafficTarget revisionTarget(String revision, int percent) {
    return TrafficTarget.newBuilder()
        .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
        .setRevision(revision)
        .setPercent(percent)
        .build();
  }

  /** The short name of the newest revision that is ready, or null before any is. */
  private static String latestReady(Service service) {
    String full = service.getLatestReadyRevision();
    return full.isEmpty() ? null : full.substring(full.lastIndexOf('/') + 1);
  }

  private Optional<Service> find(ServiceName name) {
    try {
      return Optional.of(client.getService(name));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private ServiceName name(Placement placement) {
    return ServiceName.of(project, placement.region(), serviceId(placement));
  }

  private Service await(
      Placement placement, String what, OperationFuture<Service, Service> operation)
      throws DeployFailed {
    try {
      return operation.get(operationTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String reason =
          cause instanceof ApiException api
              ? api.getStatusCode().getCode() + ": " + api.getMessage()
              : String.valueOf(cause);
      throw new DeployFailed(
          "Cloud Run " + what + " of " + name(placement) + " failed: " + reason, cause);
    } catch (TimeoutException e) {
      throw new DeployFailed(
          "Cloud Run "
              + what
              + " of "
              + name(placement)
              + " did not finish within "
              + operationTimeout.toSeconds()
              + "s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployFailed("interrupted awaiting Cloud Run " + what, e);
    }
  }
}
