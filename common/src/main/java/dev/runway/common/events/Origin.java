package dev.runway.common.events;

/** Where a desired-state change came from, as the events that carry it spell it. */
public enum Origin {
  /** Runway's HTTP API, which {@code runwayctl} calls. */
  api,
  /** A GitLab webhook: a push to the default branch, or a merge request to plan. */
  gitlab,
  /** The rollout guard approved a staging revision for production. */
  promotion
}
