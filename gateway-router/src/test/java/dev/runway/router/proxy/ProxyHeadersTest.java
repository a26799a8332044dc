package dev.runway.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyHeadersTest {

  @Test
  void shouldDropHopByHopFieldsAndTheOnesConnectionNames() {
    MultiMap client =
        MultiMap.caseInsensitiveMultiMap()
            .add("Connection", "keep-alive, X-Secret-Hop")
            .add("Keep-Alive", "timeout=5")
            .add("X-Secret-Hop", "1")
            .add("Transfer-Encoding", "chunked")
            .add("Upgrade", "h2c")
            .add("TE", "trailers")
            .add("Proxy-Authorization", "Basic x")
            .add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .add("Accept", "application/json")
            .add("Host", "example-service.runway.localhost");

    MultiMap backend =
        ProxyHeaders.toBackend(
            client,
            "example-service.runway.localhost",
            "10.0.0.7",
            "http",
            "127.0.0.1:41233",
            false);

    assertThat(backend.names())
        .containsExactlyInAnyOrder(
            "traceparent",
            "Accept",
            "Host",
            "X-Forwarded-For",
            "X-Forwarded-Proto",
            "X-Forwarded-Host");
    assertThat(backend.get("Host")).isEqualTo("127.0.0.1:41233");
    assertThat(backend.get("X-Forwarded-Host")).isEqualTo("example-service.runway.localhost");
  }

  @Test
  void shouldAppendTheClientToTheForwardedChainOfATrustedProxy() {
    MultiMap client =
        MultiMap.caseInsensitiveMultiMap()
            .add("X-Forwarded-For", "203.0.113.9")
            .add("X-Forwarded-Proto", "https")
            .add("X-Forwarded-Host", "api.example.com");
    TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8"));

    MultiMap backend =
        ProxyHeaders.toBackend(
            client, "a.runway.localhost", "10.0.0.7", "http", "b:1", proxies.trusts("10.0.0.7"));

    assertThat(backend.get("X-Forwarded-For")).isEqualTo("203.0.113.9, 10.0.0.7");
    assertThat(backend.get("X-Forwarded-Proto")).isEqualTo("https");
    assertThat(backend.get("X-Forwarded-Host")).isEqualTo("api.example.com");
  }

  @Test
  void shouldReplaceWhatAnUntrustedClientClaimsAboutItself() {
    MultiMap client =
        MultiMap.caseInsensitiveMultiMap()
            .add("X-Forwarded-For", "127.0.0.1")
            .add("X-Forwarded-Proto", "https")
            .add("X-Forwarded-Host", "admin.internal")
            .add("Forwarded", "for=127.0.0.1;proto=https");
    TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8"));
    assertThat(proxies.trusts("192.0.2.44")).isFalse();
    assertThat(TrustedProxies.NONE.trusts("10.0.0.7")).isFalse();

    MultiMap backend =
        ProxyHeaders.toBackend(
            client,
            "a.runway.localhost",
            "192.0.2.44",
            "http",
            "b:1",
            proxies.trusts("192.0.2.44"));

    assertThat(backend.getAll("X-Forwarded-For")).containsExactly("192.0.2.44");
    assertThat(backend.getAll("X-Forwarded-Proto")).containsExactly("http");
    assertThat(backend.getAll("X-Forwarded-Host")).containsExactly("a.runway.localhost");
    assertThat(backend.contains("Forwarded")).isFalse();
  }

  @Test
  void shouldRefuseATrustedProxyThatIsNotACidrNamingTheSetting() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TrustedProxies.of(List.of("10.0.0.0/33")))
        .hasMessageContaining("runway.router.trusted-proxies");
  }

  @Test
  void shouldKnowEveryHopByHopNameInAnyCaseAndNothingElse() {
    for (String name :
        List.of(
            "Connection",
            "KEEP-ALIVE",
            "proxy-connection",
            "Proxy-Authenticate",
            "proxy-authorization",
            "te",
            "Trailer",
            "transfer-encoding",
            "Upgrade",
            "HTTP2-Settings",
            "Host")) {
      assertThat(ProxyHeaders.hopByHop(name)).as(name).isTrue();
    }
    for (String name :
        List.of(
            "", "t", "tea", "hosts", "Content-Type", "X-Connection", "Keep-Alive2", "upgraded")) {
      assertThat(ProxyHeaders.hopByHop(name)).as(name).isFalse();
    }
  }

  @Test
  void shouldLowerCaseNamesForHttp2() {
    MultiMap answer =
        MultiMap.caseInsensitiveMultiMap()
            .add("Content-Type", "text/plain")
            .add("Connection", "close");

    assertThat(ProxyHeaders.endToEnd(answer, true).names()).containsExactly("content-type");
  }
}
