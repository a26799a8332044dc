package dev.runway.testing.cloudrun;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.DeleteServiceRequest;
import com.google.cloud.run.v2.GetServiceRequest;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Cloud Run keeps and the rules it applies, as its Admin API v2 reference states them:
 * services by resource name with their revisions, generations, conditions and traffic, and the
 * long-running operations that mutations answer with. Errors are the gRPC statuses and messages
 * Cloud Run gives. {@link FakeCloudRun} binds it to gRPC.
 */
final class CloudRunModel {

  private final Map<String, Service> services = new ConcurrentHashMap<>();
  private final Map<String, Map<String, RevisionTemplate>> revisions = new ConcurrentHashMap<>();
  private final Map<String, Pending> operations = new ConcurrentHashMap<>();
  private volatile int pollsUntilDone = 1;
  private volatile long operationMillis = 0;

  private record Pending(Operation done, AtomicInteger pollsLeft, long doneAtMillis) {}

  void pollsUntilDone(int polls) {
    this.pollsUntilDone = polls;
  }

  void operationMillis(long millis) {
    this.operationMillis = millis;
  }

  Service service(String name) {
    return services.get(name);
  }

  Operation create(CreateServiceRequest request) {
    String name = request.getParent() + "/services/" + request.getServiceId();
    if (services.containsKey(name)) {
      throw Status.ALREADY_EXISTS
          .withDescription("Resource '" + name + "' already exists.")
          .asRuntimeException();
    }
    String region = request.getParent().split("/")[3];
    Service created =
        apply(
            request.getService().toBuilder()
                .setName(name)
                .setUid(UUID.randomUUID().toString())
                .setUri(
                    "https://"
                        + request.getServiceId()
                        + "-"
                        + Integer.toHexString(name.hashCode() & 0xfffff)
                        + "-"
                        + region
                        + ".a.run.app")
                .setGeneration(0)
                .build(),
            null);
    return pending(created);
  }

  Service get(GetServiceRequest request) {
    Service service = services.get(request.getName());
    if (service == null) {
      throw notFound(request.getName());
    }
    return service;
  }

  Operation update(UpdateServiceRequest request) {
    Service current = services.get(request.getService().getName());
    if (current == null) {
      throw notFound(request.getService().getName());
    }
    return pending(apply(request.getService(), current));
  }

  Operation delete(DeleteServiceRequest request) {
    Service removed = services.remove(request.getName());
    if (removed == null) {
      throw notFound(request.getName());
    }
    revisions.remove(request.getName());
    return pending(removed);
  }

  Operation getOperation(GetOperationRequest request) {
    Pending pending = operations.get(request.getName());
    if (pending == null) {
      throw notFound(request.getName());
    }
    if (pending.pollsLeft().decrementAndGet() > 0
        || System.currentTimeMillis() < pending.doneAtMillis()) {
      return pending.done().toBuilder().setDone(false).clearResponse().build();
    }
    return pending.done();
  }

  /** Validates and stores the service, making a revision when the template asks for a new one. */
  private synchronized Service apply(Service desired, Service current) {
    String name = desired.getName();
    String serviceId = name.substring(name.lastIndexOf('/') + 1);
    Map<String, RevisionTemplate> known = new HashMap<>(revisions.getOrDefault(name, Map.of()));
    RevisionTemplate template = desired.getTemplate();
    String revision = template.getRevision();
    if (!revision.startsWith(serviceId + "-")) {
      throw Status.INVALID_ARGUMENT
          .withDescription(
              "spec.template.metadata.name: Revision name must be prefixed by the Service name '"
                  + serviceId
                  + "-'")
          .asRuntimeException();
    }
    if (known.containsKey(revision) && !known.get(revision).equals(template)) {
      throw Status.ALREADY_EXISTS
          .withDescription(
              "Revision named '" + revision + "' with different configuration already exists.")
          .asRuntimeException();
    }
    // An update replaces the service as given, except for what only Cloud Run sets.
    Service.Builder stored = desired.toBuilder();
    if (current != null) {
      stored
          .setUid(current.getUid())
          .setUri(current.getUri())
          .setGeneration(current.getGeneration())
          .setLatestCreatedRevision(current.getLatestCreatedRevision())
          .setTerminalCondition(current.getTerminalCondition());
    }
    stored.setGeneration(stored.getGeneration() + 1).setObservedGeneration(stored.getGeneration());
    String location = name.substring(0, name.indexOf("/services/"));
    String latestReady = current == null ? "" : current.getLatestReadyRevision();
    if (!known.containsKey(revision)) {
      stored.setLatestCreatedRevision(location + "/revisions/" + revision);
      boolean starts =
          template.getContainersList().stream()
              .noneMatch(c -> c.getImage().contains(FakeCloudRun.MISSING_IMAGE));
      if (starts) {
        known.put(revision, template);
        latestReady = location + "/revisions/" + revision;
        stored.setTerminalCondition(condition(Condition.State.CONDITION_SUCCEEDED, ""));
      } else {
        stored.setTerminalCondition(
            condition(
                Condition.State.CONDITION_FAILED,
                "Revision '"
                    + revision
                    + "' is not ready and cannot serve traffic. Image '"
                    + template.getContainers(0).getImage()
                    + "' not found."));
      }
    }
    stored.setLatestReadyRevision(latestReady);
    stored.clearTrafficStatuses();
    int total = 0;
    for (TrafficTarget target : desired.getTrafficList()) {
      boolean latest =
          target.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST;
      String to =
          latest ? latestReady.substring(latestReady.lastIndexOf('/') + 1) : target.getRevision();
      if (!known.containsKey(to)) {
        throw Status.FAILED_PRECONDITION
            .withDescription("Revision '" + to + "' is not ready and cannot serve traffic.")
            .asRuntimeException();
      }
      total += target.getPercent();
      stored.addTrafficStatuses(
          TrafficTargetStatus.newBuilder()
              .setType(target.getType())
              .setRevision(latest ? "" : to)
              .setPercent(target.getPercent()));
    }
    if (total != 100) {
      throw Status.INVALID_ARGUMENT
          .withDescription("spec.traffic: Traffic targets must sum to 100, got " + total)
          .asRuntimeException();
    }
    Service result = stored.build();
    services.put(name, result);
    revisions.put(name, known);
    return result;
  }

  private Operation pending(Service service) {
    String location = service.getName().substring(0, service.getName().indexOf("/services/"));
    String name = location + "/operations/" + UUID.randomUUID();
    Operation done =
        Operation.newBuilder()
            .setName(name)
            .setMetadata(Any.pack(service))
            .setDone(true)
            .setResponse(Any.pack(service))
            .build();
    if (pollsUntilDone == 0 && operationMillis == 0) {
      return done;
    }
    operations.put(
        name,
        new Pending(
            done,
            new AtomicInteger(Math.max(pollsUntilDone, 1)),
            System.currentTimeMillis() + operationMillis));
    return done.toBuilder().setDone(false).clearResponse().build();
  }

  private static Condition condition(Condition.State state, String message) {
    return Condition.newBuilder().setType("Ready").setState(state).setMessage(message).build();
  }

  private static StatusRuntimeException notFound(String name) {
    return Status.NOT_FOUND
        .withDescription("Resource '" + name + "' was not found")
        .asRuntimeException();
  }
}
