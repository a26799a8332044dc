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
import com.google.protobuf.Message;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Cloud Run Admin API v2 as far as Runway uses it, over real gRPC: {@code google.cloud.run.v2.
 * Services} (Create, Get, Update, Delete) and {@code google.longrunning.Operations/GetOperation}.
 * Mutations answer a pending operation that is done after {@link #pollsUntilDone} polls, like Cloud
 * Run's. Revisions must be named after their service; an image whose name contains {@code
 * does-not-exist} yields a revision that never becomes ready, with Cloud Run's terminal condition.
 * Traffic must sum to 100 and name ready revisions.
 */
public final class FakeCloudRun implements BindableService, AutoCloseable {

  public static final String MISSING_IMAGE = "does-not-exist";

  private final Map<String, Service> services = new ConcurrentHashMap<>();
  private final Map<String, Map<String, RevisionTemplate>> revisions = new ConcurrentHashMap<>();
  private final Map<String, Pending> operations = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final String serverName = "cloud-run-" + UUID.randomUUID();
  private volatile int pollsUntilDone = 1;
  private volatile long operationMillis = 0;
  private Server server;

  private record Pending(Operation done, AtomicInteger pollsLeft, long doneAtMillis) {}

  /** Serves on an in-process channel named {@link #serverName()}. */
  public FakeCloudRun start() throws IOException {
    server =
        InProcessServerBuilder.forName(serverName)
            .addService(this)
            .addService(operationsService())
            .build()
            .start();
    return this;
  }

  /** Serves plaintext gRPC on a free loopback port, for a whole reconciler to reach. */
  public FakeCloudRun listen() throws IOException {
    return listen(0);
  }

  /** Serves plaintext gRPC on {@code port} (0: any free one). */
  public FakeCloudRun listen(int port) throws IOException {
    server =
        ServerBuilder.forPort(port)
            .addService(this)
            .addService(operationsService())
            .build()
            .start();
    return this;
  }

  /**
   * Runs the fake as a process, for benchmarks: {@code FakeCloudRun <port> <operation ms>}. Serves
   * until killed.
   */
  public static void main(String[] args) throws Exception {
    FakeCloudRun fake = new FakeCloudRun();
    fake.operationTime(java.time.Duration.ofMillis(Long.parseLong(args[1])));
    fake.listen(Integer.parseInt(args[0]));
    System.out.println("Cloud Run fake listening on " + fake.endpoint());
    fake.server.awaitTermination();
  }

  /** The loopback endpoint, after {@link #listen()}. */
  public String endpoint() {
    return "localhost:" + server.getPort();
  }

  public String serverName() {
    return serverName;
  }

  /** How many GetOperation calls an operation needs before it is done; 0 answers done at once. */
  public void pollsUntilDone(int polls) {
    this.pollsUntilDone = polls;
  }

  /**
   * How long an operation takes, wall-clock, before it is done (as Cloud Run's take seconds to
   * minutes); an operation is done once both this and {@link #pollsUntilDone} are satisfied.
   */
  public void operationTime(java.time.Duration time) {
    this.operationMillis = time.toMillis();
  }

  public int calls(String method) {
    return calls.getOrDefault(method, new AtomicInteger()).get();
  }

  public Service service(String name) {
    return services.get(name);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  @Override
  public ServerServiceDefinition bindService() {
    return ServerServiceDefinition.builder("google.cloud.run.v2.Services")
        .addMethod(
            method(
                "google.cloud.run.v2.Services/CreateService",
                CreateServiceRequest.getDefaultInstance(),
                Operation.getDefaultInstance()),
            unary("CreateService", this::create))
        .addMethod(
            method(
                "google.cloud.run.v2.Services/GetService",
                GetServiceRequest.getDefaultInstance(),
                Service.getDefaultInstance()),
            unary("GetService", this::get))
        .addMethod(
            method(
                "google.cloud.run.v2.Services/UpdateService",
                UpdateServiceRequest.getDefaultInstance(),
                Operation.getDefaultInstance()),
            unary("UpdateService", this::update))
        .addMethod(
            method(
                "google.cloud.run.v2.Services/DeleteService",
                DeleteServiceRequest.getDefaultInstance(),
                Operation.getDefaultInstance()),
            unary("DeleteService", this::delete))
        .build();
  }

  /** The long-running operations service, which Cloud Run serves on the same endpoint. */
  ServerServiceDefinition operationsService() {
    return ServerServiceDefinition.builder("google.longrunning.Operations")
        .addMethod(
            method(
                "google.longrunning.Operations/GetOperation",
                GetOperationRequest.getDefaultInstance(),
                Operation.getDefaultInstance()),
            unary("GetOperation", this::getOperation))
        .build();
  }

  private Operation create(CreateServiceRequest request) {
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

  private Service get(GetServiceRequest request) {
    Service service = services.get(request.getName());
    if (service == null) {
      throw notFound(request.getName());
    }
    return service;
  }

  private Operation update(UpdateServiceRequest request) {
    Service current = services.get(request.getService().getName());
    if (current == null) {
      throw notFound(request.getService().getName());
    }
    return pending(apply(request.getService(), current));
  }

  private Operation delete(DeleteServiceRequest request) {
    Service removed = services.remove(request.getName());
    if (removed == null) {
      throw notFound(request.getName());
    }
    revisions.remove(request.getName());
    return pending(removed);
  }

  private Operation getOperation(GetOperationRequest request) {
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
              .noneMatch(c -> c.getImage().contains(MISSING_IMAGE));
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

  private static <Q extends Message, A extends Message> MethodDescriptor<Q, A> method(
      String fullName, Q request, A response) {
    return MethodDescriptor.<Q, A>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(fullName)
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .build();
  }

  private <Q, A> io.grpc.ServerCallHandler<Q, A> unary(String name, Function<Q, A> handler) {
    return ServerCalls.asyncUnaryCall(
        (request, observer) -> {
          calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
          try {
            observer.onNext(handler.apply(request));
            observer.onCompleted();
          } catch (StatusRuntimeException e) {
            observer.onError(e);
          }
        });
  }

  /** Calls that change something, summed. */
  public int mutations() {
    return calls("CreateService") + calls("UpdateService") + calls("DeleteService");
  }
}
