package dev.runway.service.messaging;

import dev.runway.common.events.Topics;
import dev.runway.service.config.RunwayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure every Runway topic exists before the consumers subscribe, so the first event on a
 * fresh broker is not delayed by topic auto-creation and a metadata refresh, and that the topics
 * replayed from the beginning ({@link Topics#KEPT_FOR_EVER}) have no time limit on retention, also
 * when a broker or an older Runway created them with the default. Idempotent.
 */
@ApplicationScoped
public class TopicBootstrap {

  private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);
  private static final String FOR_EVER = "-1";

  private final String bootstrapServers;
  private final int partitions;
  private final short replicationFactor;

  public TopicBootstrap(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      RunwayConfig config) {
    this.bootstrapServers = bootstrapServers;
    this.partitions = config.kafka().partitions();
    this.replicationFactor = config.kafka().replicationFactor();
  }

  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      ensure(admin, partitions, replicationFactor);
    } catch (ExecutionException e) {
      LOG.warnf(
          "Could not create or configure Runway topics (the broker may create them on first use,"
              + " with its default retention): %s",
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | RuntimeException e) {
      LOG.warnf(
          "Could not create or configure Runway topics (the broker may create them on first use,"
              + " with its default retention): %s",
          e.toString());
    }
  }

  /** Creates the missing topics and sets retention on those kept for ever; returns what changed. */
  static List<String> ensure(Admin admin, int partitions, short replicationFactor)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<String> changed = new ArrayList<>();
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    List<NewTopic> missing =
        Topics.ALL.stream()
            .filter(t -> !existing.contains(t))
            .map(t -> newTopic(t, partitions, replicationFactor))
            .toList();
    if (!missing.isEmpty()) {
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        LOG.infof("Created topics %s", missing.stream().map(NewTopic::name).toList());
        missing.forEach(t -> changed.add("created " + t.name()));
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        // another service created it in between; its retention is checked below
      }
    }
    for (String topic : limitedRetention(admin)) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      admin
          .incrementalAlterConfigs(
              Map.of(
                  resource,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, FOR_EVER),
                          AlterConfigOp.OpType.SET))))
          .all()
          .get(30, TimeUnit.SECONDS);
      LOG.warnf(
          "Topic %s had a time limit on retention; set to none, since its readers replay it from"
              + " the beginning",
          topic);
      changed.add("retention of " + topic);
    }
    return changed;
  }

  private static NewTopic newTopic(String name, int partitions, short replicationFactor) {
    NewTopic topic = new NewTopic(name, partitions, replicationFactor);
    return Topics.KEPT_FOR_EVER.contains(name)
        ? topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, FOR_EVER))
        : topic;
  }

  private static Collection<String> limitedRetention(Admin admin)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<ConfigResource> resources =
        Topics.KEPT_FOR_EVER.stream()
            .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
            .toList();
    List<String> limited = new ArrayList<>();
    admin
        .describeConfigs(resources)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach(
            (resource, config) -> {
              ConfigEntry retention = config.get(TopicConfig.RETENTION_MS_CONFIG);
              if (retention == null || !FOR_EVER.equals(retention.value())) {
                limited.add(resource.name());
              }
            });
    return limited;
  }
}
