package dev.runway.router.proxy;

import dev.runway.router.balancing.OutlierDetector;
import dev.runway.router.balancing.RetryBudget;
import dev.runway.router.telemetry.RouterMetrics;
import dev.runway.router.telemetry.TrafficStats;
import io.vertx.core.http.HttpClient;
import java.util.function.Supplier;

/**
 * What every proxied exchange shares: where to send, what to learn from each answer, how many
 * retries are left, where to count, and the event loop's client and silence sweep.
 */
record ExchangeWiring(
    OriginPlanner origins,
    OutlierDetector outliers,
    RetryBudget budget,
    TrafficStats stats,
    RouterMetrics metrics,
    Supplier<HttpClient> client,
    Supplier<SilentBackends> silence,
    ProxyHandler.Settings settings) {}
