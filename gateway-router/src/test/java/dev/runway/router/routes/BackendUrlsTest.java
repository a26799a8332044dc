package dev.runway.router.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackendUrlsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:40123",
        "http://localhost:8181",
        "https://example-service-x7ab3-ew.a.run.app",
      })
  void routesTheRuntimesUrls(String url) {
    assertThat(BackendUrls.refusal(url)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.example.com:80",
        "https://evil.example.com",
        "http://127.0.0.1", // no port: not a revision the local runtime started
        "https://run.app",
        "https://x.run.app.evil.example.com",
        "http://user:pw@127.0.0.1:40123",
        "http://127.0.0.1:40123/?next=http://evil",
        "file:///etc/passwd",
        "not a url",
      })
  void refusesAnyOtherUrlSayingWhy(String url) {
    assertThat(BackendUrls.refusal(url)).isPresent().get().asString().isNotBlank();
  }
}
