package dev.runway.common.events;

/** How urgently a firing rule wants a person (or the rollout guard). */
public enum Severity {
  page,
  ticket
}
