package dev.runway.testing.cloudrun;

import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.DeleteServiceRequest;
import com.google.cloud.run.v2.GetServiceRequest;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Message;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
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
 * Traffic must sum to 100 and name ready revisions. This class is the gRPC binding (method
 * descriptors, call counts, the servers); the rules and the state are {@link CloudRunModel}'s.
 */
public final class FakeCloudRun implements BindableService, AutoCloseable {

  public static final String MISSING_IMAGE = "does-not-exist";

  private final CloudRunModel model = new CloudRunModel();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final String serverName = "cloud-run-" + UUID.randomUUID();
  private Server server;

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
    model.pollsUntilDone(polls);
  }

  /**
   * How long an operation takes, wall-clock, before it is done (as Cloud Run's take seconds to
   * minutes); an operation is done once both this and {@link #pollsUntilDone} are satisfied.
   */
  public void operationTime(java.time.Duration time) {
    model.operationMillis(time.toMillis());
  }

  public int calls(String method) {
    return calls.getOrDefault(method, new AtomicInteger()).get();
  }

  public Service service(String name) {
    return model.service(name);
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
            unary("CreateService", model::create))
        .addMethod(
            method(
                "google.cloud.run.v2.Services/GetService",
                GetServiceRequest.getDefaultInstance(),
                Service.getDefaultInstance()),
            unary("GetService", model::get))
        .addMethod(
            method(
                "google.cloud.run.v2.Services/UpdateService",
                UpdateServiceRequest.getDefaultInstance(),
                Operation.getDefaultInstance()),
            unary("UpdateService", model::update))
        .addMethod(
            method(
                "google.cloud.run.v2.Services/DeleteService",
                DeleteServiceRequest.getDefaultInstance(),
                Operation.getDefaultInstance()),
            unary("DeleteService", model::delete))
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
            unary("GetOperation", model::getOperation))
        .build();
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
