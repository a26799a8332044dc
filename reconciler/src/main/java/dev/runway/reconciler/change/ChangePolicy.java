package dev.runway.reconciler.change;

import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.Origin;
import dev.runway.common.manifest.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a manifest change may deploy now. Two rules, both failing closed:
 *
 * <ul>
 *   <li>the <b>production change lock</b>: a production change whose image has not succeeded in
 *       staging (no staging rollout of it was approved for promotion) waits, whatever its origin: a
 *       GitLab push, an API or CLI apply. A promotion is by definition of such an image;
 *   <li><b>deploy freeze windows</b> ({@link FreezeWindow}): a change to a frozen environment waits
 *       for the window's end, promotions included.
 * </ul>
 *
 * A change that carries an override with a reason goes ahead past both, and the reason stays on its
 * ManifestChanged.
 */
public final class ChangePolicy {

  /** What to do with a change: go ahead, or hold it for the reason given. */
  public record Decision(Optional<String> held) {
    public static Decision go() {
      return new Decision(Optional.empty());
    }

    static Decision hold(String reason) {
      return new Decision(Optional.of(reason));
    }

    public boolean goes() {
      return held.isEmpty();
    }
  }

  private static final String OVERRIDE_HINT =
      "or apply it again with --override-change-lock \"why\" (change_lock_override in the API)";

  private final List<FreezeWindow> freezes;

  public ChangePolicy(List<FreezeWindow> freezes) {
    this.freezes = List.copyOf(freezes);
  }

  /**
   * @param succeededInStaging whether a staging rollout of the change's image was approved for
   *     promotion
   */
  public Decision decide(ManifestChanged change, boolean succeededInStaging, Instant now) {
    if (change.overridden()) {
      return Decision.go();
    }
    String image = change.manifest().spec().image();
    if (change.environment() == Environment.PRODUCTION
        && change.origin() != Origin.promotion
        && !succeededInStaging) {
      return Decision.hold(
          "production change lock: "
              + image
              + " has not succeeded in staging; it goes ahead once a staging rollout of it"
              + " succeeds, "
              + OVERRIDE_HINT);
    }
    for (FreezeWindow freeze : freezes) {
      Optional<Instant> until = freeze.frozenUntil(change.environment(), now);
      if (until.isPresent()) {
        return Decision.hold(
            "deploy freeze '"
                + freeze.name()
                + "' holds "
                + change.environment().wire()
                + " until "
                + until.get()
                + "; it goes ahead when the window ends, "
                + OVERRIDE_HINT);
      }
    }
    return Decision.go();
  }
}
