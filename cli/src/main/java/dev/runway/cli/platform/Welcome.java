package dev.runway.cli.platform;

/** What {@code runwayctl up} prints once the platform is ready: where everything answers. */
final class Welcome {
  private Welcome() {}

  static String text(PlatformLayout layout, Datasource datasource) {
    return String.join(
        "\n",
        "",
        "Runway is up.",
        "  gateway       http://<service>[.staging].runway.localhost:"
            + layout.port(PlatformService.GATEWAY_ROUTER)
            + "   (routes /admin/routes)",
        "  provisioner   "
            + layout.url(PlatformService.PROVISIONER)
            + "   (API /api/v1, health /q/health, metrics /q/metrics)",
        "  reconciler    " + layout.url(PlatformService.RECONCILER),
        "  rollout guard "
            + layout.url(PlatformService.ROLLOUT_GUARD)
            + "   (rollouts /api/v1/rollouts)",
        "  dashboard     "
            + layout.url(PlatformService.OBSERVABILITY)
            + "/   (SLOs per region, API /api/v1/slo)",
        "  Kafka         " + layout.kafka(),
        "  PostgreSQL    " + datasource.display(),
        "  token         " + layout.tokenFile() + "   (Authorization: Bearer ...)",
        "  logs          " + layout.logs() + "/",
        "",
        "Try:  ./runway inventory apply -f examples/inventory.json",
        "      ./runway apply -f examples/hello-service/.runway/runway-staging.yml --env staging",
        "      ./runway status example-service",
        "      curl -i -H 'X-Runway-Client-Region: europe-west1'"
            + " http://example-service.staging.runway.localhost:"
            + layout.port(PlatformService.GATEWAY_ROUTER)
            + "/v1/completions",
        "      ./runway events tail --from-beginning",
        "Stop with Ctrl-C (or ./runway down).");
  }
}
