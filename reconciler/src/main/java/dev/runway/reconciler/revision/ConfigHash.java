package dev.runway.reconciler.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runway.common.json.WireJson;
import dev.runway.common.manifest.RunwayManifest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The identity of what a revision runs: a hash of the manifest fields that reach the container
 * (image, port, env, resources, scaling, readiness path, local command), and nothing else, so that
 * changing regions, SLOs or rollout settings never makes a new revision.
 */
public final class ConfigHash {
  private ConfigHash() {}

  public static String of(RunwayManifest.Spec spec) {
    ObjectNode canonical = WireJson.mapper().createObjectNode();
    canonical.put("image", spec.image());
    canonical.put("container_port", spec.containerPort());
    canonical.set("env", WireJson.mapper().valueToTree(new TreeMap<>(spec.env())));
    canonical.set("resources", WireJson.mapper().valueToTree(spec.resources()));
    canonical.set("scaling", WireJson.mapper().valueToTree(spec.scaling()));
    canonical.put("readiness_path", spec.health().readinessPath());
    canonical.set("local_command", WireJson.mapper().valueToTree(spec.local().command()));
    try {
      byte[] bytes = WireJson.mapper().writeValueAsBytes(canonical);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
