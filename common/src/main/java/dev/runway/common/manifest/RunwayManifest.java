package dev.runway.common.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runway.common.json.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code runway/v1} {@code RunwayService} manifest: how one service runs in one environment.
 * Optional sections take their documented defaults here, so every reader sees the same values.
 * Field names on the wire are snake_case ({@code container_port}).
 */
public record RunwayManifest(
    @JsonProperty("apiVersion") String apiVersion, String kind, Metadata metadata, Spec spec) {

  public static final String API_VERSION = "runway/v1";
  public static final String KIND = "RunwayService";

  /**
   * This manifest with another image and everything else as it is. It goes through the wire format
   * rather than the constructors, so a field added to any section later is carried over too.
   */
  public RunwayManifest withImage(String image) {
    ObjectMapper json = WireJson.mapper();
    ObjectNode tree = json.valueToTree(this);
    ((ObjectNode) tree.get("spec")).put("image", image);
    try {
      return json.treeToValue(tree, RunwayManifest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest that was read is always writable", e);
    }
  }

  /**
   * @param name the service, as the inventory names it
   */
  public record Metadata(String name) {}

  /**
   * @param image the container image, tag or digest
   * @param containerPort the port the container listens on
   * @param regions where it runs
   * @param env environment for every revision (Runway adds RUNWAY_*)
   */
  public record Spec(
      String image,
      int containerPort,
      List<String> regions,
      Map<String, String> env,
      Resources resources,
      Scaling scaling,
      Health health,
      Slo slo,
      Rollout rollout,
      Local local) {

    public Spec {
      regions = List.copyOf(regions);
      env = env == null ? Map.of() : Map.copyOf(env);
      resources = Objects.requireNonNullElse(resources, new Resources(null, null));
      scaling = Objects.requireNonNullElse(scaling, new Scaling(null, null));
      health = Objects.requireNonNullElse(health, new Health(null));
      slo = Objects.requireNonNullElse(slo, new Slo(null, null));
      rollout =
          Objects.requireNonNullElse(
              rollout, new Rollout(null, null, null, null, null, null, null, null));
      local = Objects.requireNonNullElse(local, new Local(null));
    }
  }

  /** CPU and memory per instance. */
  public record Resources(String cpu, String memory) {
    public Resources {
      cpu = Objects.requireNonNullElse(cpu, "1");
      memory = Objects.requireNonNullElse(memory, "512Mi");
    }
  }

  /** Instances per region. */
  public record Scaling(Integer minInstances, Integer maxInstances) {
    public Scaling {
      minInstances = Objects.requireNonNullElse(minInstances, 0);
      maxInstances = Objects.requireNonNullElse(maxInstances, 10);
    }
  }

  /** How Runway knows a revision is ready. */
  public record Health(String readinessPath) {
    public Health {
      readinessPath = Objects.requireNonNullElse(readinessPath, "/healthz");
    }
  }

  /** Per-region service level objectives. */
  public record Slo(Double availability, Integer latencyThresholdMs) {
    public Slo {
      availability = Objects.requireNonNullElse(availability, 99.9);
      latencyThresholdMs = Objects.requireNonNullElse(latencyThresholdMs, 1024);
    }
  }

  /**
   * How a new revision reaches its traffic.
   *
   * @param progressDeadline how long one step (or the watch, after its own length) may take before
   *     the rollout stalls; null for the default, 10 × the bake time and at most 10 minutes
   * @param onStall what a stall does: pause for an operator (the default) or roll back
   */
  public record Rollout(
      Strategy strategy,
      List<Integer> steps,
      String bakeTime,
      List<List<String>> waves,
      OnBreach onBreach,
      String watch,
      String progressDeadline,
      OnStall onStall) {

    /** The default progress deadline's ceiling, as Argo Rollouts' is 10 minutes. */
    public static final Duration MAX_DEFAULT_DEADLINE = Duration.ofMinutes(10);

    public Rollout {
      strategy = Objects.requireNonNullElse(strategy, Strategy.gradual);
      steps = steps == null ? List.of(25, 50, 75, 100) : List.copyOf(steps);
      bakeTime = Objects.requireNonNullElse(bakeTime, "30s");
      waves = waves == null ? List.of() : waves.stream().map(List::copyOf).toList();
      onBreach = Objects.requireNonNullElse(onBreach, OnBreach.region);
      watch = Objects.requireNonNullElse(watch, "5m");
      onStall = Objects.requireNonNullElse(onStall, OnStall.pause);
    }

    public Duration bakeDuration() {
      return Durations.parse(bakeTime);
    }

    public Duration progressDeadlineDuration() {
      if (progressDeadline != null) {
        return Durations.parse(progressDeadline);
      }
      Duration tenBakes = bakeDuration().multipliedBy(10);
      return tenBakes.compareTo(MAX_DEFAULT_DEADLINE) > 0 ? MAX_DEFAULT_DEADLINE : tenBakes;
    }

    public Duration watchDuration() {
      return Durations.parse(watch);
    }
  }

  /** Rollout strategies, as the manifest spells them. */
  public enum Strategy {
    gradual,
    regional,
    expedited
  }

  /** What a rollout does when a step outlives its progress deadline. */
  public enum OnStall {
    pause,
    rollback
  }

  /** What a breach in one region rolls back. */
  public enum OnBreach {
    region,
    halt,
    all
  }

  /**
   * @param command how the local runtime starts the service; it listens on $PORT
   */
  public record Local(List<String> command) {
    public Local {
      command = command == null ? List.of() : List.copyOf(command);
    }
  }
}
