package dev.runway.provisioner.gitlab;

import dev.runway.common.events.DryRunRequested;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.Origin;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.ManifestValidator;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.common.regions.RegionCatalogue;
import dev.runway.common.schema.Problem;
import dev.runway.common.schema.ValidationFailed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns what a delivery asks into events: reads each named manifest from GitLab, validates it as
 * the API would (against the service's provisioned regions) and makes ManifestChanged for a push,
 * DryRunRequested for a merge request. Environments are independent: an invalid staging manifest
 * does not hold back a valid production one.
 */
@ApplicationScoped
public class DeliveryResolver {

  private final ManifestValidator validator = new ManifestValidator(RegionCatalogue.cloudRun());
  private final ManifestSource source;
  private final Vertx vertx;

  public DeliveryResolver(ManifestSource source, Vertx vertx) {
    this.source = source;
    this.vertx = vertx;
  }

  /** Fails only on a transient fault reaching GitLab; everything else is a {@link Resolution}. */
  public Uni<Resolution> resolve(HookIntent intent, ProjectServices services) {
    if (intent instanceof HookIntent.Apply apply) {
      return unlessUnknown(services, () -> apply(apply, services));
    }
    if (intent instanceof HookIntent.Plan plan) {
      return unlessUnknown(services, () -> plan(plan, services));
    }
    return Uni.createFrom().item(Resolution.ignored(((HookIntent.Ignore) intent).reason()));
  }

  private static Uni<Resolution> unlessUnknown(
      ProjectServices services, java.util.function.Supplier<Uni<Resolution>> work) {
    if (services.regions().isEmpty()) {
      return Uni.createFrom()
          .item(
              Resolution.ignored(
                  "no service in the inventory has GitLab project " + services.projectId()));
    }
    return work.get();
  }

  private record Outcome(Optional<RunwayEvent> event, String note, boolean refused) {}

  private Uni<Resolution> apply(HookIntent.Apply apply, ProjectServices services) {
    List<Uni<Outcome>> perEnvironment = new ArrayList<>();
    for (Environment environment : apply.environments()) {
      String path = environment.manifestPath();
      perEnvironment.add(
          source
              .read(apply.projectId(), path, apply.commit())
              .chain(
                  text ->
                      text.isEmpty()
                          ? Uni.createFrom()
                              .item(new Outcome(Optional.empty(), path + " absent", false))
                          : validate(text.get(), path, services)
                              .map(
                                  manifest ->
                                      published(
                                          new ManifestChanged(
                                              manifest.metadata().name(),
                                              environment,
                                              manifest,
                                              Origin.gitlab,
                                              apply.commit(),
                                              apply.changeLockOverride()),
                                          environment))
                              .onFailure(ValidationFailed.class)
                              .recoverWithItem(e -> refused(path, (ValidationFailed) e))));
    }
    return combine(perEnvironment, "at " + apply.commit());
  }

  private Uni<Resolution> plan(HookIntent.Plan plan, ProjectServices services) {
    List<Uni<Outcome>> perEnvironment = new ArrayList<>();
    for (Environment environment : plan.environments()) {
      String path = environment.manifestPath();
      Uni<Optional<String>> proposed = source.read(plan.sourceProjectId(), path, plan.commit());
      Uni<Optional<String>> current =
          source.read(plan.targetProjectId(), path, plan.targetBranch());
      perEnvironment.add(
          Uni.combine()
              .all()
              .unis(proposed, current)
              .asTuple()
              .chain(
                  both -> {
                    Optional<String> after = both.getItem1();
                    if (after.isEmpty() || after.equals(both.getItem2())) {
                      return Uni.createFrom()
                          .item(new Outcome(Optional.empty(), path + " unchanged", false));
                    }
                    return validate(after.get(), path, services)
                        .map(
                            manifest ->
                                published(
                                    new DryRunRequested(
                                        manifest.metadata().name(),
                                        environment,
                                        "plan-" + UUID.randomUUID(),
                                        manifest,
                                        Origin.gitlab,
                                        plan.url()),
                                    environment))
                        .onFailure(ValidationFailed.class)
                        .recoverWithItem(e -> refused(path, (ValidationFailed) e));
                  }));
    }
    return combine(perEnvironment, "for " + plan.url());
  }

  private static Outcome published(RunwayEvent event, Environment environment) {
    String type = event.getClass().getSimpleName();
    return new Outcome(Optional.of(event), type + " " + event.service() + "/" + environment, false);
  }

  private static Outcome refused(String path, ValidationFailed failed) {
    return new Outcome(
        Optional.empty(),
        failed.problems().stream().map(p -> p.describe(path)).collect(Collectors.joining("; ")),
        true);
  }

  private static Uni<Resolution> combine(List<Uni<Outcome>> outcomes, String where) {
    return Uni.join()
        .all(outcomes)
        .andFailFast()
        .map(
            all -> {
              List<RunwayEvent> events = all.stream().flatMap(o -> o.event().stream()).toList();
              String notes =
                  all.stream().map(Outcome::note).collect(Collectors.joining("; ")) + " " + where;
              if (all.stream().anyMatch(Outcome::refused)) {
                return new Resolution(GitlabDelivery.FAILED, events, notes);
              }
              return events.isEmpty()
                  ? Resolution.ignored(notes)
                  : new Resolution(GitlabDelivery.DONE, events, notes);
            });
  }

  /** The manifest, validated against the provisioned regions of the service it names. */
  private Uni<RunwayManifest> validate(String text, String path, ProjectServices services) {
    return vertx.executeBlocking(
        Uni.createFrom()
            .item(
                () -> {
                  RunwayManifest parsed = validator.validate(text, path, Optional.empty());
                  String service = parsed.metadata().name();
                  if (!services.regions().containsKey(service)) {
                    throw new ValidationFailed(
                        List.of(
                            new Problem(
                                "$.metadata.name",
                                "must name a service of GitLab project "
                                    + services.projectId()
                                    + " in the inventory ("
                                    + String.join(", ", services.regions().keySet())
                                    + "), got '"
                                    + service
                                    + "'")));
                  }
                  return validator.validate(
                      text, path, Optional.of(services.regions().get(service)));
                }));
  }
}
