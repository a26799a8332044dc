package dev.runway.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class UnavailableTest {

  @Test
  void aDependencyAwayIsUnavailableWhereverItSitsInTheCauses() {
    assertThat(Unavailable.is(new ConnectException("Connection refused"))).isTrue();
    assertThat(
            Unavailable.is(
                new IllegalStateException(
                    "wrapped", new RuntimeException(new ConnectException("refused")))))
        .isTrue();
    assertThat(Unavailable.is(new VertxException("Connection is closed", true))).isTrue();
    assertThat(Unavailable.is(new VertxException("Pool closed", true))).isTrue();
    assertThat(
            Unavailable.is(
                new PgException(
                    "terminating connection due to administrator command", "FATAL", "57P01", null)))
        .isTrue();
    assertThat(
            Unavailable.is(
                new org.apache.kafka.common.errors.TimeoutException("metadata not available")))
        .isTrue();
  }

  @Test
  void aFaultOfTheRequestOrTheCodeIsNot() {
    assertThat(Unavailable.is(new NullPointerException())).isFalse();
    assertThat(Unavailable.is(new VertxException("boom", true))).isFalse();
    assertThat(
            Unavailable.is(
                new PgException("duplicate key value", "ERROR", "23505", "already exists")))
        .isFalse();
    assertThat(Unavailable.is(new IllegalArgumentException("bad"))).isFalse();
  }
}
