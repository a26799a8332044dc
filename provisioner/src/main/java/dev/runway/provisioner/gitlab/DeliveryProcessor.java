package dev.runway.provisioner.gitlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.json.WireJson;
import dev.runway.provisioner.services.ServiceRecord;
import dev.runway.service.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.ConsumeEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Carries recorded deliveries through: claims one (a lease, so a crashed worker's delivery is
 * picked up again), reads its manifests from GitLab outside any transaction, then publishes the
 * events and records the outcome in one transaction, so each delivery publishes exactly once. A
 * transient fault is retried with a doubling wait; a delivery is tried on receipt and by a sweep
 * that also forgets deliveries older than the retention.
 */
@ApplicationScoped
public class DeliveryProcessor {

  private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class);
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final DeliveryResolver resolver;
  private final Outbox outbox;
  private final GitlabConfig config;

  public DeliveryProcessor(DeliveryResolver resolver, Outbox outbox, GitlabConfig config) {
    this.resolver = resolver;
    this.outbox = outbox;
    this.config = config;
  }

  private record Work(String key, HookIntent intent, ProjectServices services) {}

  @ConsumeEvent(GitlabWebhookResource.RECEIVED)
  Uni<Void> onReceived(String key) {
    return process(key);
  }

  @Scheduled(
      every = "${runway.gitlab.sweep-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    OffsetDateTime now = now();
    return Panache.withTransaction(
            () ->
                GitlabDelivery.delete(
                        "receivedAt < ?1 and state <> ?2",
                        now.minus(config.deliveryRetention()),
                        GitlabDelivery.PENDING)
                    .chain(
                        () ->
                            GitlabDelivery.<GitlabDelivery>find(
                                    "state = ?1 and nextAttemptAt <= ?2"
                                        + " and (leaseUntil is null or leaseUntil < ?2)"
                                        + " order by receivedAt",
                                    GitlabDelivery.PENDING,
                                    now)
                                .page(0, 50)
                                .list()))
        .onItem()
        .transformToMulti(due -> Multi.createFrom().iterable(due))
        .onItem()
        .transformToUniAndConcatenate(d -> process(d.key))
        .collect()
        .last()
        .replaceWithVoid();
  }

  /** Carries one delivery through, unless another worker holds it or it is not due. */
  public Uni<Void> process(String key) {
    return claim(key)
        .chain(
            work -> {
              if (work.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              return resolver
                  .resolve(work.get().intent(), work.get().services())
                  .chain(resolution -> finish(key, resolution))
                  .onFailure()
                  .recoverWithUni(e -> retryLater(key, e));
            });
  }

  private Uni<Optional<Work>> claim(String key) {
    OffsetDateTime now = now();
    return Panache.withTransaction(
        () ->
            GitlabDelivery.update(
                    "leaseUntil = ?1, attempts = attempts + 1 where key = ?2 and state = ?3"
                        + " and nextAttemptAt <= ?4 and (leaseUntil is null or leaseUntil < ?4)",
                    now.plus(LEASE),
                    key,
                    GitlabDelivery.PENDING,
                    now)
                .chain(
                    claimed ->
                        claimed == 0
                            ? Uni.createFrom().item(Optional.<Work>empty())
                            : GitlabDelivery.<GitlabDelivery>findById(key)
                                .chain(this::work)
                                .map(Optional::of)));
  }

  private Uni<Work> work(GitlabDelivery delivery) {
    HookIntent intent;
    try {
      intent =
          HookInterpreter.interpret(delivery.event, WireJson.mapper().readTree(delivery.payload));
    } catch (JsonProcessingException e) {
      intent = new HookIntent.Ignore("unreadable payload: " + e.getOriginalMessage());
    }
    long project = intent.projectId();
    HookIntent decided = intent;
    if (project < 0) {
      return Uni.createFrom()
          .item(new Work(delivery.key, decided, new ProjectServices(-1, Map.of())));
    }
    return ServiceRecord.<ServiceRecord>list(
            "projectId = ?1 and inInventory = true order by name", project)
        .map(
            records -> {
              Map<String, Set<String>> regions = new LinkedHashMap<>();
              records.forEach(r -> regions.put(r.name, new LinkedHashSet<>(r.regionList())));
              return new Work(delivery.key, decided, new ProjectServices(project, regions));
            });
  }

  private Uni<Void> finish(String key, Resolution resolution) {
    return Panache.withTransaction(
            () ->
                Multi.createFrom()
                    .iterable(resolution.events())
                    .onItem()
                    .transformToUniAndConcatenate((RunwayEvent event) -> outbox.add(event))
                    .collect()
                    .asList()
                    .chain(
                        () ->
                            GitlabDelivery.update(
                                "state = ?1, outcome = ?2, leaseUntil = null where key = ?3",
                                resolution.state(),
                                resolution.outcome(),
                                key)))
        .invoke(
            () -> {
              if (GitlabDelivery.FAILED.equals(resolution.state())) {
                LOG.warnf("GitLab delivery %s refused: %s", key, resolution.outcome());
              } else {
                LOG.infof(
                    "GitLab delivery %s %s: %s", key, resolution.state(), resolution.outcome());
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> retryLater(String key, Throwable fault) {
    return Panache.withTransaction(
            () ->
                GitlabDelivery.<GitlabDelivery>findById(key)
                    .invoke(
                        delivery -> {
                          delivery.leaseUntil = null;
                          delivery.outcome = "attempt " + delivery.attempts + ": " + fault;
                          if (delivery.attempts >= config.maxAttempts()) {
                            delivery.state = GitlabDelivery.FAILED;
                            LOG.errorf(
                                "GitLab delivery %s failed after %d attempts: %s",
                                key, delivery.attempts, fault);
                          } else {
                            Duration wait =
                                config
                                    .retryDelay()
                                    .multipliedBy(1L << Math.min(delivery.attempts - 1, 10));
                            delivery.nextAttemptAt = now().plus(wait);
                            LOG.warnf(
                                "GitLab delivery %s: %s; retrying in %d s",
                                key, fault, wait.toSeconds());
                          }
                        }))
        .replaceWithVoid();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
