package dev.runway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * For services that keep no database (the gateway router): points them at the real test broker
 * only, so no datasource settings go unrecognised.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
  }

  @Override
  public void stop() {
    // The broker lives as long as the JVM.
  }
}
