package dev.runway.service.messaging;

import dev.runway.common.events.Topics;
import dev.runway.service.config.RunwayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure every Runway topic exists before the consumers subscribe, so the first event on a
 * fresh broker is not delayed by topic auto-creation and a metadata refresh. Idempotent: a topic
 * that exists is left as it is.
 */
@ApplicationScoped
public class TopicBootstrap {

  private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

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
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      var missing =
          Topics.ALL.stream()
              .filter(t -> !existing.contains(t))
              .map(t -> new NewTopic(t, partitions, replicationFactor))
              .toList();
      if (missing.isEmpty()) {
        return;
      }
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      LOG.infof("Created topics %s", missing.stream().map(NewTopic::name).toList());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        LOG.warnf(
            "Could not create Runway topics (the broker may create them on first use): %s",
            e.getCause());
      }
    } catch (Exception e) {
      LOG.warnf(
          "Could not create Runway topics (the broker may create them on first use): %s",
          e.toString());
    }
  }
}
