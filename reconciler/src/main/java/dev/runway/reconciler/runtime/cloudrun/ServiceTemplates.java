package dev.runway.reconciler.runtime.cloudrun;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.ContainerPort;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.HTTPGetAction;
import com.google.cloud.run.v2.Probe;
import com.google.cloud.run.v2.ResourceRequirements;
import com.google.cloud.run.v2.RevisionScaling;
import com.google.cloud.run.v2.RevisionTemplate;
import dev.runway.common.events.Revision;
import dev.runway.reconciler.runtime.Placement;
import java.util.Map;
import java.util.TreeMap;

/** A Runway revision as a Cloud Run revision template, in one region. */
final class ServiceTemplates {

  private ServiceTemplates() {}

  static RevisionTemplate of(Revision revision, Placement placement) {
    Map<String, String> env = new TreeMap<>(revision.env());
    env.put("RUNWAY_REGION", placement.region());
    env.put("RUNWAY_SERVICE", placement.service());
    env.put("RUNWAY_ENVIRONMENT", placement.environment().wire());
    env.put("RUNWAY_REVISION", revision.name());
    Container.Builder container =
        Container.newBuilder()
            .setImage(revision.image())
            .addPorts(ContainerPort.newBuilder().setContainerPort(revision.containerPort()))
            .setResources(
                ResourceRequirements.newBuilder()
                    .putLimits("cpu", revision.resources().cpu())
                    .putLimits("memory", revision.resources().memory()))
            .setStartupProbe(
                Probe.newBuilder()
                    .setHttpGet(HTTPGetAction.newBuilder().setPath(revision.readinessPath())));
    env.forEach(
        (name, value) -> container.addEnv(EnvVar.newBuilder().setName(name).setValue(value)));
    return RevisionTemplate.newBuilder()
        .setRevision(revision.name())
        .putLabels("runway-config-hash", revision.configHash())
        .setScaling(
            RevisionScaling.newBuilder()
                .setMinInstanceCount(revision.scaling().minInstances())
                .setMaxInstanceCount(revision.scaling().maxInstances()))
        .addContainers(container)
        .build();
  }
}
