package dev.runway.router.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  @Test
  void shouldAllowRetriesUpToTheRatioOfRequests() {
    RetryBudget budget = new RetryBudget(0.1, 0);
    for (int i = 0; i < 1000; i++) {
      budget.request(100);
    }

    int allowed = 0;
    while (budget.tryRetry(100)) {
      allowed++;
    }

    assertThat(allowed).isEqualTo(100);
  }

  @Test
  void shouldAllowTheMinimumWhenTrafficIsLight() {
    RetryBudget budget = new RetryBudget(0.1, 3);
    budget.request(5);

    int allowed = 0;
    while (budget.tryRetry(5)) {
      allowed++;
    }

    assertThat(allowed).isEqualTo(30);
  }

  @Test
  void shouldForgetSecondsOlderThanTheWindow() {
    RetryBudget budget = new RetryBudget(0.1, 0);
    for (int i = 0; i < 1000; i++) {
      budget.request(100);
    }
    for (int i = 0; i < 100; i++) {
      budget.tryRetry(100);
    }
    assertThat(budget.tryRetry(105)).isFalse();

    for (int i = 0; i < 10; i++) {
      budget.request(111);
    }
    assertThat(budget.tryRetry(111)).isTrue();
    assertThat(budget.tryRetry(111)).isFalse();
  }
}
