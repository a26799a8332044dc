package dev.runway.provisioner.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.events.ProvisionedResource;
import dev.runway.common.json.WireJson;
import dev.runway.provisioner.config.ProvisionerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes each service's infrastructure as Terraform JSON under {@code
 * runway.provisioner.terraform-dir/<service>/main.tf.json}, the input a platform team's Terraform
 * pipeline applies. Writing is atomic (a temporary file renamed into place), so a crash never
 * leaves half a file. Decommissioning removes the service's directory, so the next apply destroys
 * what it described.
 */
@ApplicationScoped
public class TerraformJsonProvisioner implements ResourceProvisioner {

  static final String FILE = "main.tf.json";

  private final ProvisionerConfig config;

  public TerraformJsonProvisioner(ProvisionerConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "terraform";
  }

  @Override
  public ProvisioningResult provision(ServiceSpec spec) throws IOException {
    TerraformModule module = TerraformModule.of(spec, config.gcpProject());
    Path dir = config.terraformDir().resolve(spec.name());
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, FILE, ".tmp");
    Files.write(
        temporary,
        WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(module.json()));
    Files.move(
        temporary,
        dir.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return new ProvisioningResult(module.serviceAccountEmail(), module.resources());
  }

  @Override
  public List<ProvisionedResource> decommission(String service) throws IOException {
    Path dir = config.terraformDir().resolve(service);
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    JsonNode existing = WireJson.mapper().readTree(file.toFile());
    List<ProvisionedResource> removed = describedBy(existing);
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    return removed;
  }

  private static List<ProvisionedResource> describedBy(JsonNode document) {
    List<ProvisionedResource> resources = new java.util.ArrayList<>();
    document
        .path("resource")
        .fields()
        .forEachRemaining(
            type ->
                type.getValue()
                    .fields()
                    .forEachRemaining(
                        entry -> {
                          JsonNode r = entry.getValue();
                          String region =
                              r.path("location").asText(r.path("region").asText("global"));
                          String name =
                              r.path("account_id")
                                  .asText(
                                      r.path("role").asText(r.path("name").asText(entry.getKey())));
                          resources.add(new ProvisionedResource(type.getKey(), name, region));
                        }));
    return resources;
  }
}
