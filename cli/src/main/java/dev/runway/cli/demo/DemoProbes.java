package dev.runway.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import dev.runway.cli.platform.PlatformLayout;
import dev.runway.cli.platform.PlatformService;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the demo reads from the services' APIs about one service, and waiting on it. */
final class DemoProbes {

  /** A condition that may need the network to be checked. */
  interface Check {
    boolean holds() throws IOException, InterruptedException;
  }

  private final String service;
  private final Endpoints endpoints;
  private final ApiClient reconciler;
  private final ApiClient observability;
  private final ApiClient guard;
  private final ApiClient router;

  DemoProbes(PlatformLayout layout, Endpoints endpoints, String service) {
    this.service = service;
    this.endpoints = endpoints;
    this.reconciler = new ApiClient(endpoints.reconciler(), endpoints);
    this.guard = new ApiClient(endpoints.guard(), endpoints);
    this.observability = new ApiClient(layout.url(PlatformService.OBSERVABILITY), endpoints);
    this.router = new ApiClient(layout.url(PlatformService.GATEWAY_ROUTER), endpoints);
  }

  static void until(String what, Duration timeout, Check check)
      throws DemoFailed, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      try {
        if (check.holds()) {
          return;
        }
      } catch (IOException notYet) {
        // asked again below
      }
      if (Instant.now().isAfter(deadline)) {
        throw new DemoFailed(what + " did not happen within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(200);
    }
  }

  /**
   * Applies one of the example's manifests. The reconciler learns of a new service from
   * ServiceProvisioned on the bus, a moment after the provisioner published it; until then it
   * answers 409, so a refusal of that kind is asked again for a while.
   */
  void apply(java.nio.file.Path file, String environment)
      throws DemoFailed, IOException, InterruptedException {
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    while (true) {
      ApiClient.Answer answer =
          dev.runway.cli.deploy.ManifestFile.send(endpoints, file, environment, false, null);
      if (answer == null) {
        throw new DemoFailed("cannot read " + file);
      }
      if (answer.ok()) {
        return;
      }
      if (answer.status() != 409 || java.time.Instant.now().isAfter(deadline)) {
        throw new DemoFailed(dev.runway.cli.client.Problems.describe(file.toString(), answer));
      }
      Thread.sleep(250);
    }
  }

  /** The reconciler's status of the service: every environment and region. */
  JsonNode status() throws IOException, InterruptedException {
    ApiClient.Answer answer = reconciler.get("/api/v1/services/" + service + "/status");
    if (!answer.ok() || answer.body() == null) {
      throw new IOException("the reconciler answered HTTP " + answer.status());
    }
    return answer.body();
  }

  /** The reconciler's regions of one environment: region → its status entry. */
  Map<String, JsonNode> regions(String environment) throws IOException, InterruptedException {
    Map<String, JsonNode> regions = new TreeMap<>();
    for (JsonNode env : status().path("environments")) {
      if (env.path("environment").asText().equals(environment)) {
        env.path("regions").forEach(r -> regions.put(r.path("region").asText(), r));
      }
    }
    return regions;
  }

  /** Observability's status of each staging region it judges (IDLE ones left out). */
  Map<String, String> judged() throws IOException, InterruptedException {
    Map<String, String> judged = new TreeMap<>();
    JsonNode view = observability.get("/api/v1/slo/" + service).body();
    for (JsonNode env : view == null ? List.<JsonNode>of() : iterable(view.path("environments"))) {
      if (!env.path("environment").asText().equals("staging")) {
        continue;
      }
      for (JsonNode region : env.path("regions")) {
        String status = region.path("status").asText();
        if (!status.equals("IDLE")) {
          judged.put(region.path("region").asText(), status);
        }
      }
    }
    return judged;
  }

  /** How many staging backends of the service the gateway routes to. */
  int routedBackends() throws IOException, InterruptedException {
    int backends = 0;
    JsonNode routes = router.get("/admin/routes").body();
    for (JsonNode route : routes == null ? List.<JsonNode>of() : iterable(routes)) {
      for (JsonNode region : route.path("regions")) {
        for (JsonNode backend : region) {
          if (backend.path("revision").asText().startsWith(service + "-staging")) {
            backends++;
          }
        }
      }
    }
    return backends;
  }

  /** The guard's view of one revision's rollout; missing until it has one. */
  JsonNode rollout(String revision) throws IOException, InterruptedException {
    JsonNode rollouts = guard.get("/api/v1/rollouts/" + service).body();
    for (JsonNode rollout : rollouts == null ? List.<JsonNode>of() : iterable(rollouts)) {
      if (rollout.path("revision").asText().equals(revision)) {
        return rollout;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> all = new ArrayList<>();
    array.forEach(all::add);
    return all;
  }
}
