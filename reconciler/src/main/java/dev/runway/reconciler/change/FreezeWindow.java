package dev.runway.reconciler.change;

import dev.runway.common.manifest.Environment;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A deploy freeze of some environments, like a Cloud Deploy deploy policy's rollout restriction:
 * one-time windows (a date and time to another) and weekly windows (days of the week, from a time
 * to a time), in one time zone. A change to a frozen environment waits until the window ends.
 *
 * @param name what operators call it; named in the hold's reason
 * @param environments the environments it freezes
 * @param zone the time zone its times are in
 * @param oneTime one-time windows
 * @param weekly weekly windows
 */
public record FreezeWindow(
    String name,
    Set<Environment> environments,
    ZoneId zone,
    List<OneTime> oneTime,
    List<Weekly> weekly) {

  /** From {@code start} (included) to {@code end} (excluded), local times in the zone. */
  public record OneTime(LocalDateTime start, LocalDateTime end) {}

  /**
   * On each of {@code days}, from {@code start} (included) to {@code end} (excluded). An end of
   * {@link LocalTime#MIDNIGHT} (written {@code 24:00}) is the end of the day: it cannot be the
   * start of one, as an end must come after its start.
   */
  public record Weekly(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    boolean untilMidnight() {
      return end.equals(LocalTime.MIDNIGHT);
    }
  }

  public FreezeWindow {
    environments = Set.copyOf(environments);
    oneTime = List.copyOf(oneTime);
    weekly = List.copyOf(weekly);
  }

  /** When the window that holds {@code at} ends, if one does and it freezes the environment. */
  public Optional<Instant> frozenUntil(Environment environment, Instant at) {
    if (!environments.contains(environment)) {
      return Optional.empty();
    }
    ZonedDateTime local = at.atZone(zone);
    Optional<Instant> until = Optional.empty();
    for (OneTime window : oneTime) {
      ZonedDateTime start = window.start().atZone(zone);
      ZonedDateTime end = window.end().atZone(zone);
      if (!local.isBefore(start) && local.isBefore(end)) {
        until = later(until, end.toInstant());
      }
    }
    for (Weekly window : weekly) {
      if (!window.days().contains(local.getDayOfWeek())) {
        continue;
      }
      LocalTime time = local.toLocalTime();
      boolean afterStart = !time.isBefore(window.start());
      boolean beforeEnd = window.untilMidnight() || time.isBefore(window.end());
      if (afterStart && beforeEnd) {
        ZonedDateTime end =
            window.untilMidnight()
                ? local.toLocalDate().plusDays(1).atStartOfDay(zone)
                : local.toLocalDate().atTime(window.end()).atZone(zone);
        until = later(until, end.toInstant());
      }
    }
    return until;
  }

  private static Optional<Instant> later(Optional<Instant> current, Instant candidate) {
    return current.filter(c -> c.isAfter(candidate)).or(() -> Optional.of(candidate));
  }
}
