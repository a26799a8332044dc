package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.util.List;

/**
 * The plan for a proposed manifest: what each region would do. Nothing was applied.
 *
 * @param service the service
 * @param environment staging or production
 * @param planId the id the plan is kept under ({@code GET /api/v1/plans/{id}})
 * @param regions per region, the plan
 * @param reference what it is about, such as a merge request URL; may be empty
 */
public record DryRunPlanned(
    String service,
    Environment environment,
    String planId,
    List<RegionPlan> regions,
    String reference)
    implements RunwayEvent {

  public DryRunPlanned {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.text(planId, "plan_id");
    regions = Require.list(regions, "regions");
    reference = reference == null ? "" : reference;
  }
}
