package dev.runway.bench;

import dev.runway.common.events.CloudEventHeaders;
import dev.runway.common.events.Observers;
import dev.runway.common.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Provisions N services through the real API and measures, per service, the time from its
 * ServiceRequested record reaching Kafka to its ServiceProvisioned record reaching Kafka (broker
 * timestamps of both, so the figure spans consume, provision, commit and relay).
 *
 * <p>Two modes per round: "one by one" grows the inventory by one service per POST (latency without
 * queueing); "burst" adds N services in one POST (queueing and throughput).
 *
 * <p>usage: ProvisioningBench provisionerUrl kafka token services rounds e2eP50 e2eP99 out.md
 */
public final class ProvisioningBench {

  private final String provisioner;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Long> requestedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> provisionedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> decommissionedAt = new ConcurrentHashMap<>();
  private final List<String> inventory = new ArrayList<>();
  private volatile Set<String> awaited = Set.of();
  private volatile CountDownLatch remaining = new CountDownLatch(0);

  private ProvisioningBench(String provisioner, String kafka, String token) {
    this.provisioner = provisioner;
    this.token = token;
    Thread recorder = new Thread(() -> record(kafka), "bench-recorder");
    recorder.setDaemon(true);
    recorder.start();
  }

  public static void main(String[] args) throws Exception {
    String provisioner = args[0];
    String kafka = args[1];
    String token = args[2];
    int services = Integer.parseInt(args[3]);
    int rounds = Integer.parseInt(args[4]);
    double e2eP50 = Double.parseDouble(args[5]);
    double e2eP99 = Double.parseDouble(args[6]);
    Path out = Path.of(args[7]);

    ProvisioningBench bench = new ProvisioningBench(provisioner, kafka, token);
    List<double[]> oneByOne = new ArrayList<>();
    List<double[]> burst = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      oneByOne.add(bench.oneByOne("r" + round + "-one", services));
      bench.clear();
      burst.add(bench.burst("r" + round + "-burst", services));
      bench.clear();
    }
    String report = report(services, rounds, oneByOne, burst, e2eP50, e2eP99);
    System.out.println(report);
    MarkdownSection.write(out, "provisioning", report);
  }

  /** Returns {p50, p99, services per second}. */
  /**
   * Closed loop, like Kafka's EndToEndLatency: the next service is added only once the previous one
   * is provisioned, so the figure is latency, not queueing behind the driver's own load.
   */
  private double[] oneByOne(String prefix, int n) throws Exception {
    List<String> names = names(prefix, n);
    Instant start = Instant.now();
    for (String name : names) {
      await(List.of(name));
      inventory.add(name);
      post();
      if (!remaining.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException(name + " was not provisioned within a minute");
      }
    }
    await(List.of());
    return measure(names, start);
  }

  private double[] burst(String prefix, int n) throws Exception {
    List<String> names = names(prefix, n);
    await(names);
    Instant start = Instant.now();
    inventory.addAll(names);
    post();
    return measure(names, start);
  }

  /**
   * Empties the inventory and waits until every service is decommissioned, so rounds stay small.
   */
  private void clear() throws Exception {
    List<String> removed = List.copyOf(inventory);
    awaited = Set.copyOf(removed);
    remaining = new CountDownLatch(removed.size());
    inventory.clear();
    post();
    if (!remaining.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("not every service was decommissioned within 5 minutes");
    }
  }

  private void await(List<String> names) {
    awaited = Set.copyOf(names);
    remaining = new CountDownLatch(names.size());
  }

  private double[] measure(List<String> names, Instant start) throws InterruptedException {
    if (!remaining.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("not every service was provisioned within 5 minutes");
    }
    Duration elapsed = Duration.between(start, Instant.now());
    List<Double> latencies =
        names.stream().map(n -> (double) (provisionedAt.get(n) - requestedAt.get(n))).toList();
    double p50 = Percentiles.of(latencies, 50);
    double p99 = Percentiles.of(latencies, 99);
    double rate = names.size() / (elapsed.toMillis() / 1000.0);
    System.err.printf(
        Locale.ROOT,
        "%s: p50 %.0f ms, p99 %.0f ms, %.0f services/s%n",
        names.get(0),
        p50,
        p99,
        rate);
    names.stream()
        .sorted(
            Comparator.comparingLong((String n) -> provisionedAt.get(n) - requestedAt.get(n))
                .reversed())
        .limit(5)
        .forEach(
            n ->
                System.err.printf(
                    Locale.ROOT,
                    "  slowest: %s requested at +%d ms, took %d ms%n",
                    n,
                    requestedAt.get(n) - start.toEpochMilli(),
                    provisionedAt.get(n) - requestedAt.get(n)));
    return new double[] {p50, p99, rate};
  }

  private void post() throws Exception {
    StringBuilder body = new StringBuilder("{\"inventory\":[");
    for (int i = 0; i < inventory.size(); i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(inventory.get(i))
          .append("\",\"project_id\":1,\"regions\":[\"europe-west1\",\"us-east1\",\"us-west1\"]}");
    }
    body.append("]}");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(provisioner + "/api/v1/inventory"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "POST /api/v1/inventory answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static List<String> names(String prefix, int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("bench-" + prefix + "-" + i);
    }
    return names;
  }

  private void record(String kafka) {
    try (KafkaConsumer<String, byte[]> consumer = Observers.consumer(kafka, "bench", false)) {
      consumer.subscribe(List.of(Topics.SERVICES));
      while (true) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          String type = CloudEventHeaders.text(record.headers(), CloudEventHeaders.TYPE);
          if ("runway.ServiceRequested.v1".equals(type)) {
            requestedAt.putIfAbsent(record.key(), record.timestamp());
          } else if ("runway.ServiceProvisioned.v1".equals(type)) {
            arrived(provisionedAt, record);
          } else if ("runway.ServiceDecommissioned.v1".equals(type)) {
            arrived(decommissionedAt, record);
          }
        }
      }
    }
  }

  private void arrived(Map<String, Long> seen, ConsumerRecord<String, byte[]> record) {
    if (seen.putIfAbsent(record.key(), record.timestamp()) == null
        && awaited.contains(record.key())) {
      remaining.countDown();
    }
  }

  private static String report(
      int services,
      int rounds,
      List<double[]> oneByOne,
      List<double[]> burst,
      double e2eP50,
      double e2eP99) {
    double oneP50 = Percentiles.median(oneByOne.stream().map(r -> r[0]).toList());
    double oneP99 = Percentiles.median(oneByOne.stream().map(r -> r[1]).toList());
    double burstP50 = Percentiles.median(burst.stream().map(r -> r[0]).toList());
    double burstP99 = Percentiles.median(burst.stream().map(r -> r[1]).toList());
    double burstRate = Percentiles.median(burst.stream().map(r -> r[2]).toList());
    return String.format(
        Locale.ROOT,
        """
        ## Provisioning latency: ServiceRequested → ServiceProvisioned

        Measured %s by `bench/provisioning.sh` on this machine (2 cores): %d services per mode,
        median of %d rounds, on one local KRaft broker and the embedded PostgreSQL, with the
        provisioner writing Terraform JSON for three regions per service. Latency is the broker
        timestamp of a service's ServiceProvisioned minus that of its ServiceRequested: it spans
        consuming, provisioning, the database commit, and the outbox relay publishing the result.

        | measurement | p50 | p99 | ratio to Kafka p50 |
        |---|---:|---:|---:|
        | Kafka `EndToEndLatency` (produce → consume, acks=all), same broker | %.0f ms | %.0f ms | 1.0 |
        | provisioning, one service per inventory change | %.0f ms | %.0f ms | %.1f |
        | provisioning, %d services in one inventory change (queued) | %.0f ms | %.0f ms | — |

        Burst throughput: %.0f services provisioned per second; the burst's latencies are the
        time each service waits in the queue behind the others, so they are not compared with
        Kafka's.
        """,
        LocalDate.now(),
        services,
        rounds,
        e2eP50,
        e2eP99,
        oneP50,
        oneP99,
        oneP50 / Math.max(e2eP50, 1),
        services,
        burstP50,
        burstP99,
        burstRate);
  }
}
