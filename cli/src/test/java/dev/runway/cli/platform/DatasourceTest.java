package dev.runway.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasourceTest {

  @Test
  void shouldPointTheServicesAtTheEmbeddedPostgresqlByDefault() {
    Datasource datasource = Datasource.of(Optional.empty(), 15432);

    assertThat(datasource.environment())
        .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:15432/postgres")
        .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/postgres")
        .containsEntry("QUARKUS_DATASOURCE_USERNAME", "postgres");
  }

  @Test
  void shouldSplitAnExternalUrlAndNeverShowItsPassword() {
    Datasource datasource =
        Datasource.of(Optional.of("postgresql://runway:s3cr:et@db.internal:6432/runway"), 5432);

    assertThat(datasource.environment())
        .containsEntry("QUARKUS_DATASOURCE_USERNAME", "runway")
        .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "s3cr:et")
        .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db.internal:6432/runway");
    assertThat(datasource.display()).isEqualTo("postgresql://runway@db.internal:6432/runway");
  }

  @Test
  void shouldRefuseAUrlOfAnotherShapeSayingWhichShape() {
    assertThatThrownBy(() -> Datasource.of(Optional.of("jdbc:postgresql://db/runway"), 5432))
        .hasMessage("RUNWAY_DB_URL must look like postgresql://user:password@host:port/database");
  }
}
