package dev.runway.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.Topics;
import dev.runway.testing.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** Against a real broker: the topics replayed from the beginning outlive Kafka's retention. */
class TopicBootstrapTest {

  @Test
  void keepsTheReplayedTopicsForEverAlsoWhenSomethingElseCreatedThemFirst() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
      // runway.services as the broker's auto-creation leaves it when a reader subscribes first
      admin
          .createTopics(List.of(new NewTopic(Topics.SERVICES, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
      assertThat(retention(admin, Topics.SERVICES)).isEqualTo("604800000");

      assertThat(TopicBootstrap.ensure(admin, 3, (short) 1))
          .contains("retention of " + Topics.SERVICES, "created " + Topics.DEPLOYMENTS)
          .doesNotContain("retention of " + Topics.DEPLOYMENTS);

      // (a broker applies a config change to what it describes a moment after acknowledging it)
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertThat(retention(admin, Topics.SERVICES)).isEqualTo("-1");
                assertThat(retention(admin, Topics.DEPLOYMENTS)).isEqualTo("-1");
                assertThat(retention(admin, Topics.DEAD_LETTER)).isEqualTo("-1");
              });
      // what is read only for recent windows keeps the broker's default
      assertThat(retention(admin, Topics.TELEMETRY)).isEqualTo("604800000");
      assertThat(TopicBootstrap.ensure(admin, 3, (short) 1)).as("nothing left to change").isEmpty();
    }
  }

  private static String retention(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin
        .describeConfigs(List.of(resource))
        .all()
        .get(30, TimeUnit.SECONDS)
        .get(resource)
        .get(TopicConfig.RETENTION_MS_CONFIG)
        .value();
  }
}
