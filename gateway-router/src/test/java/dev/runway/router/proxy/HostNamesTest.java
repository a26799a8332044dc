package dev.runway.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.manifest.Environment;
import org.junit.jupiter.api.Test;

class HostNamesTest {

  private final HostNames hosts = new HostNames("runway.localhost");

  @Test
  void shouldReadProductionFromTheServiceNameAlone() {
    assertThat(hosts.parse("example-service.runway.localhost:8080"))
        .contains(new HostNames.Target("example-service", Environment.PRODUCTION));
    assertThat(hosts.parse("Example-Service.RUNWAY.localhost."))
        .contains(new HostNames.Target("example-service", Environment.PRODUCTION));
  }

  @Test
  void shouldReadTheEnvironmentWhenNamed() {
    assertThat(hosts.parse("example-service.staging.runway.localhost"))
        .contains(new HostNames.Target("example-service", Environment.STAGING));
  }

  @Test
  void shouldNotNameAServiceOutsideTheDomainOrWithUnknownParts() {
    assertThat(hosts.ours("localhost:8080")).isFalse();
    assertThat(hosts.parse("localhost:8080")).isEmpty();
    assertThat(hosts.ours("a.qa.runway.localhost")).isTrue();
    assertThat(hosts.parse("a.qa.runway.localhost")).isEmpty();
    assertThat(hosts.parse("a.b.staging.runway.localhost")).isEmpty();
    assertThat(hosts.parse("runway.localhost")).isEmpty();
  }
}
