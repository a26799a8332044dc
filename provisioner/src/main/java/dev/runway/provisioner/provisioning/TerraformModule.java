package dev.runway.provisioner.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runway.common.events.ProvisionedResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Terraform JSON ({@code main.tf.json}) of one service's infrastructure on Google Cloud: a
 * service account with least-privilege project roles, per region a Cloud Run v2 service reachable
 * only through the load balancer and its serverless network endpoint group, and one global backend
 * service over all regions. Revisions, traffic and images belong to the reconciler, so Terraform is
 * told to leave them alone.
 */
public final class TerraformModule {

  /** The only project roles a Runway service's identity gets: write logs, metrics and traces. */
  static final List<String> RUNTIME_ROLES =
      List.of("roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/cloudtrace.agent");

  /** Serves until the reconciler deploys the service's first revision. */
  static final String PLACEHOLDER_IMAGE = "us-docker.pkg.dev/cloudrun/container/hello";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectNode document = JSON.objectNode();
  private final List<ProvisionedResource> resources = new ArrayList<>();
  private final String serviceAccountEmail;

  private TerraformModule(ServiceSpec spec, String gcpProject) {
    String accountId = accountId(spec.name());
    serviceAccountEmail = accountId + "@" + gcpProject + ".iam.gserviceaccount.com";
    ObjectNode resource = document.putObject("resource");
    String sa = spec.name();
    String saEmail = "${google_service_account." + sa + ".email}";

    resource
        .putObject("google_service_account")
        .putObject(sa)
        .put("project", gcpProject)
        .put("account_id", accountId)
        .put(
            "display_name",
            "Runway service " + spec.name() + " (GitLab project " + spec.projectId() + ")");
    resources.add(new ProvisionedResource("google_service_account", accountId, "global"));

    ObjectNode iam = resource.putObject("google_project_iam_member");
    for (String role : RUNTIME_ROLES) {
      String key = sa + "-" + role.substring(role.indexOf('/') + 1).replace('.', '-');
      iam.putObject(key)
          .put("project", gcpProject)
          .put("role", role)
          .put("member", "serviceAccount:" + saEmail);
      resources.add(new ProvisionedResource("google_project_iam_member", role, "global"));
    }

    ObjectNode runServices = resource.putObject("google_cloud_run_v2_service");
    ObjectNode invokers = resource.putObject("google_cloud_run_v2_service_iam_member");
    ObjectNode negs = resource.putObject("google_compute_region_network_endpoint_group");
    ArrayNode backends = JSON.arrayNode();
    for (String region : spec.regions()) {
      String key = spec.name() + "-" + region;
      ObjectNode run = runServices.putObject(key);
      run.put("project", gcpProject)
          .put("name", spec.name())
          .put("location", region)
          .put("ingress", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER")
          .put("deletion_protection", false);
      ObjectNode template = run.putObject("template");
      template.put("service_account", saEmail);
      ObjectNode container = template.putArray("containers").addObject();
      container.put("image", PLACEHOLDER_IMAGE);
      container.putArray("env").addObject().put("name", "RUNWAY_REGION").put("value", region);
      run.putObject("lifecycle")
          .putArray("ignore_changes")
          .add("template")
          .add("traffic")
          .add("client")
          .add("client_version");
      resources.add(new ProvisionedResource("google_cloud_run_v2_service", spec.name(), region));

      // Ingress admits only the load balancer, so allUsers can invoke it only through there.
      invokers
          .putObject(key)
          .put("project", gcpProject)
          .put("location", region)
          .put("name", "${google_cloud_run_v2_service." + key + ".name}")
          .put("role", "roles/run.invoker")
          .put("member", "allUsers");
      resources.add(
          new ProvisionedResource(
              "google_cloud_run_v2_service_iam_member", "roles/run.invoker", region));

      negs.putObject(key)
          .put("project", gcpProject)
          .put("name", negName(spec.name(), region))
          .put("region", region)
          .put("network_endpoint_type", "SERVERLESS")
          .putObject("cloud_run")
          .put("service", "${google_cloud_run_v2_service." + key + ".name}");
      resources.add(
          new ProvisionedResource(
              "google_compute_region_network_endpoint_group",
              negName(spec.name(), region),
              region));
      backends
          .addObject()
          .put("group", "${google_compute_region_network_endpoint_group." + key + ".id}");
    }

    ObjectNode backend =
        resource
            .putObject("google_compute_backend_service")
            .putObject(sa)
            .put("project", gcpProject)
            .put("name", spec.name())
            .put("load_balancing_scheme", "EXTERNAL_MANAGED")
            .put("protocol", "HTTPS");
    backend.set("backend", backends);
    resources.add(new ProvisionedResource("google_compute_backend_service", spec.name(), "global"));

    document.putObject("output").putObject("service_account_email").put("value", saEmail);
  }

  public static TerraformModule of(ServiceSpec spec, String gcpProject) {
    return new TerraformModule(spec, gcpProject);
  }

  public ObjectNode json() {
    return document;
  }

  public List<ProvisionedResource> resources() {
    return List.copyOf(resources);
  }

  public String serviceAccountEmail() {
    return serviceAccountEmail;
  }

  /**
   * Service account IDs are 6 to 30 characters; long service names keep a readable prefix and a
   * hash so that two long names never collide.
   */
  static String accountId(String service) {
    String id = "crun-" + service;
    if (id.length() <= 30) {
      return id;
    }
    return id.substring(0, 21).replaceAll("-+$", "") + "-" + shortHash(service);
  }

  /** Network endpoint group names are at most 63 characters. */
  static String negName(String service, String region) {
    String name = service + "-" + region;
    return name.length() <= 63 ? name : name.substring(0, 54) + "-" + shortHash(name);
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
