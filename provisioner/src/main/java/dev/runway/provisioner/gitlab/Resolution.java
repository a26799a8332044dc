package dev.runway.provisioner.gitlab;

import dev.runway.common.events.RunwayEvent;
import java.util.List;

/**
 * How a delivery ends: the events to publish and what to record about it.
 *
 * @param state {@link GitlabDelivery#DONE}, {@link GitlabDelivery#IGNORED} or {@link
 *     GitlabDelivery#FAILED}
 * @param events published in the same transaction that records the state
 * @param outcome for the operator: what was published, or why nothing was
 */
record Resolution(String state, List<RunwayEvent> events, String outcome) {

  static Resolution ignored(String why) {
    return new Resolution(GitlabDelivery.IGNORED, List.of(), why);
  }

  static Resolution refused(String why) {
    return new Resolution(GitlabDelivery.FAILED, List.of(), why);
  }
}
