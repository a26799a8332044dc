package dev.runway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * What every chaos run works with: the reconciler's API, the bus as recorded, the dead-letter
 * count, the faults, and the clients' traffic tally when traffic runs.
 */
final class ChaosPlatform {

  static final List<String> REGIONS = List.of("europe-west1", "us-east1", "us-west1");
  static final String SERVICE = "chaos-service";
  static final Duration DEADLINE = Duration.ofMinutes(3);

  final ApiCalls api;
  final RecordedEvents events;
  final DeadLetterCount deadLetters;
  final Faults faults;
  final Random random = new Random(7);
  private final String reconciler;
  private final Path tally;
  private int runs;

  /** What a run counts from: its start, and the dead letters and client errors before it. */
  record Baseline(long start, long deadLetters, long clientErrors, int run) {}

  ChaosPlatform(String reconciler, String kafka, String token, Path home) {
    this.reconciler = reconciler;
    this.api = new ApiCalls(token);
    this.events = new RecordedEvents(kafka);
    this.deadLetters = new DeadLetterCount(kafka);
    this.faults = new Faults(home);
    this.tally = home.resolve("traffic.json");
  }

  /** Applies a staging manifest, waiting out a platform that catches up or recovers. */
  void apply(String manifest) throws Exception {
    api.postUntilAccepted(
        reconciler + "/api/v1/services/" + SERVICE + "/manifests/staging",
        "text/yaml",
        manifest,
        DEADLINE);
  }

  /**
   * Starts a run of {@code fault}, once the process it hits runs again after the last one: its
   * number and what its figures are counted from.
   */
  Baseline begin(String fault) throws Exception {
    faults.ready(fault);
    long start = System.currentTimeMillis();
    return new Baseline(start, deadLetters.now(), clientErrorsAfter(start), ++runs);
  }

  /** A YAML flow map for a manifest's env that makes each run's revision a new one. */
  static String env(String fault, Baseline run) {
    return "{ RUN: \"" + fault + "-" + run.run() + "\" }";
  }

  long deadLetteredSince(Baseline run) {
    return deadLetters.now() - run.deadLetters();
  }

  /**
   * Failed client requests since the run began (-1 without traffic), tallied after {@code atMs}.
   */
  long clientErrorsSince(Baseline run, long atMs) throws Exception {
    return run.clientErrors() < 0 ? -1 : clientErrorsAfter(atMs) - run.clientErrors();
  }

  /** Failed client requests so far (-1 without traffic), as tallied after {@code atMs}. */
  private long clientErrorsAfter(long atMs) throws Exception {
    return Files.exists(tally) ? new TrafficTallyFile(tally).failedAfter(atMs) : -1;
  }

  /** The time left of a run that started at {@code start}, at least a millisecond. */
  static Duration left(long start) {
    return Duration.ofMillis(Math.max(1, start + DEADLINE.toMillis() - System.currentTimeMillis()));
  }

  static boolean since(RecordedEvents.Timed t, long start) {
    return t.timestamp() >= start;
  }

  /** An event of this type about the chaos service. */
  static boolean of(RecordedEvents.Timed t, Class<?> type) {
    return type.isInstance(t.envelope().data()) && t.envelope().subject().equals(SERVICE);
  }

  static String json(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
  }
}
