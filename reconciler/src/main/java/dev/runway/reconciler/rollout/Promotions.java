package dev.runway.reconciler.rollout;

import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.Origin;
import dev.runway.common.events.PromotionApproved;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.reconciler.state.DesiredManifest;
import dev.runway.reconciler.state.RevisionRecord;
import dev.runway.service.outbox.Outbox;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Carries out the guard's PromotionApproved: staging's image becomes production's desired one. */
@ApplicationScoped
public class Promotions {

  private static final Logger LOG = Logger.getLogger(Promotions.class);

  private final Outbox outbox;

  public Promotions(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * Production takes the staging revision's image under production's own manifest, as a
   * ManifestChanged on the bus, so the deployment and its guarded rollout follow the usual path.
   */
  public Uni<Void> promote(PromotionApproved approval, Context trace) {
    return RevisionRecord.<RevisionRecord>findById(approval.revision())
        .chain(
            staging ->
                DesiredManifest.<DesiredManifest>findById(
                        DesiredManifest.id(approval.service(), Environment.PRODUCTION))
                    .chain(
                        production -> {
                          if (staging == null || production == null) {
                            LOG.warnf(
                                "Promotion of %s approved, but %s; apply a production manifest"
                                    + " (runway apply --env production) to promote",
                                approval.revision(),
                                staging == null
                                    ? "the revision is unknown"
                                    : "production has no manifest");
                            return Uni.createFrom().voidItem();
                          }
                          String image = staging.revision().image();
                          RunwayManifest current = production.manifest();
                          if (current.spec().image().equals(image)) {
                            LOG.infof(
                                "Production of %s already runs %s", approval.service(), image);
                            return Uni.createFrom().voidItem();
                          }
                          LOG.infof(
                              "Promoting %s to production: image %s", approval.revision(), image);
                          return outbox
                              .add(
                                  new ManifestChanged(
                                      approval.service(),
                                      Environment.PRODUCTION,
                                      current.withImage(image),
                                      Origin.promotion,
                                      null),
                                  trace)
                              .replaceWithVoid();
                        }));
  }
}
