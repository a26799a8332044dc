package dev.runway.reconciler.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runway.common.manifest.Environment;

/**
 * The answer to an applied manifest.
 *
 * @param eventId the ManifestChanged event's id
 * @param status where the service's regions converge
 * @param held why the change waits (a change lock or freeze window); absent when it does not
 */
public record ManifestAccepted(
    String eventId,
    String service,
    Environment environment,
    String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) String held) {}
