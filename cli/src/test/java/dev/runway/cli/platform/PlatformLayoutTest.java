package dev.runway.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformLayoutTest {

  @Test
  void shouldUseTheDefaultPortsAndStateDirectoryOfRunwayUp() {
    PlatformLayout layout = PlatformLayout.from(Map.of("RUNWAY_ROOT", "/repo"));

    assertThat(layout.home()).isEqualTo(Path.of("/repo/.runway"));
    assertThat(layout.url(PlatformService.GATEWAY_ROUTER)).isEqualTo("http://127.0.0.1:8080");
    assertThat(layout.url(PlatformService.PROVISIONER)).isEqualTo("http://127.0.0.1:8081");
    assertThat(layout.kafka()).isEqualTo("127.0.0.1:9092");
    assertThat(layout.databasePort()).isEqualTo(5432);
    assertThat(layout.databaseUrl()).isEmpty();
  }

  @Test
  void shouldTakeEveryPortAndAHomeRelativeToTheRootFromTheEnvironment() {
    PlatformLayout layout =
        PlatformLayout.from(
            Map.of(
                "RUNWAY_ROOT", "/repo",
                "RUNWAY_HOME", "state/one",
                "RUNWAY_GUARD_PORT", "18083",
                "RUNWAY_KAFKA_PORT", "19092"));

    assertThat(layout.home()).isEqualTo(Path.of("/repo/state/one"));
    assertThat(layout.port(PlatformService.ROLLOUT_GUARD)).isEqualTo(18083);
    assertThat(layout.kafka()).isEqualTo("127.0.0.1:19092");
    assertThat(layout.withHome(Path.of("/elsewhere")).port(PlatformService.ROLLOUT_GUARD))
        .isEqualTo(18083);
  }

  @Test
  void shouldRefuseAPortThatIsNotOneNamingTheVariable() {
    assertThatThrownBy(() -> PlatformLayout.from(Map.of("RUNWAY_ROUTER_PORT", "eighty")))
        .hasMessage("RUNWAY_ROUTER_PORT must be a port number from 1 to 65535, not 'eighty'");
    assertThatThrownBy(() -> PlatformLayout.from(Map.of("RUNWAY_DB_PORT", "70000")))
        .hasMessageStartingWith("RUNWAY_DB_PORT must be a port number");
  }

  @Test
  void shouldListEveryPortVariableOnce() {
    assertThat(PlatformPorts.variables())
        .doesNotHaveDuplicates()
        .hasSize(3 + PlatformService.values().length)
        .contains("RUNWAY_KAFKA_PORT", "RUNWAY_ROUTER_PORT", "RUNWAY_OBSERVABILITY_PORT");
  }
}
