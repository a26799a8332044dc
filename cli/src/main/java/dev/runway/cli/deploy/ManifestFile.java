package dev.runway.cli.deploy;

import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import dev.runway.cli.client.LocatedFile;
import dev.runway.cli.client.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a manifest file and submits it to the reconciler, applied or as a dry run. */
public final class ManifestFile {
  private ManifestFile() {}

  /**
   * The reconciler's answer, or null after printing why there is none.
   *
   * @param changeLockOverride why the change may skip the production change lock and freeze
   *     windows; null for none
   */
  public static ApiClient.Answer submit(
      Endpoints endpoints, Path file, String environment, boolean dryRun, String changeLockOverride)
      throws IOException, InterruptedException {
    ApiClient.Answer answer = send(endpoints, file, environment, dryRun, changeLockOverride);
    if (answer != null && !answer.ok()) {
      System.err.println(Problems.describe(file.toString(), answer));
      return null;
    }
    return answer;
  }

  /** The reconciler's answer, refusals included, or null after printing why there is none. */
  public static ApiClient.Answer send(
      Endpoints endpoints, Path file, String environment, boolean dryRun, String changeLockOverride)
      throws IOException, InterruptedException {
    String body;
    try {
      body = Files.readString(file);
    } catch (NoSuchFileException e) {
      System.err.println("runwayctl: no such file " + file);
      return null;
    }
    // A syntax error is the file's first problem: reported where the parser found it, before any
    // field is looked at.
    java.util.Optional<com.fasterxml.jackson.databind.JsonNode> root =
        LocatedFile.parse(file, body);
    if (root.isEmpty()) {
      return null;
    }
    String service = name(root.get());
    if (service == null) {
      System.err.println(
          "runwayctl: "
              + file
              + ": no metadata.name; a runway/v1 manifest names its service there");
      return null;
    }
    ApiClient reconciler = new ApiClient(endpoints.reconciler(), endpoints);
    String query =
        "?file="
            + java.net.URLEncoder.encode(file.toString(), java.nio.charset.StandardCharsets.UTF_8)
            + (dryRun ? "&dry_run=true" : "")
            + (changeLockOverride == null
                ? ""
                : "&change_lock_override="
                    + java.net.URLEncoder.encode(
                        changeLockOverride, java.nio.charset.StandardCharsets.UTF_8));
    return reconciler.post(
        "/api/v1/services/" + service + "/manifests/" + environment + query,
        body,
        file.toString().endsWith(".json") ? "application/json" : "text/yaml");
  }

  /**
   * metadata.name, read with the same located parser the services use: a syntax error is thrown
   * with its line and column; a missing name is null (the reconciler validates the rest).
   */
  static String serviceName(Path file, String manifest) {
    return name(LocatedFile.root(file, manifest));
  }

  private static String name(com.fasterxml.jackson.databind.JsonNode root) {
    String name = root.path("metadata").path("name").asText("");
    return name.isBlank() ? null : name;
  }
}
