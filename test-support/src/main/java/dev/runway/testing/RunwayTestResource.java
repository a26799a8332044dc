package dev.runway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The one test resource every Runway {@code @QuarkusTest} uses (scope GLOBAL, so Quarkus boots once
 * per module): points the service at the real test broker and database.
 */
public class RunwayTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    int port = TestInfrastructure.postgres().getPort();
    return Map.of(
        "kafka.bootstrap.servers",
        TestInfrastructure.kafkaBootstrapServers(),
        "quarkus.datasource.reactive.url",
        "postgresql://127.0.0.1:" + port + "/postgres",
        "quarkus.datasource.jdbc.url",
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
        "quarkus.datasource.username",
        "postgres",
        "quarkus.datasource.password",
        "postgres");
  }

  @Override
  public void stop() {
    // The broker and database live as long as the JVM; other modules' tests may share them.
  }
}
