package dev.runway.reconciler.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runway.common.manifest.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The platform's deploy policy file ({@code runway.reconciler.deploy-policy}), YAML:
 *
 * <pre>
 * freeze_windows:
 *   - name: year-end
 *     environments: [production]
 *     time_zone: Europe/Amsterdam        # default UTC
 *     one_time:
 *       - {start: "2026-12-24T00:00", end: "2027-01-02T00:00"}
 *     weekly:
 *       - {days: [saturday, sunday], start: "00:00", end: "24:00"}
 * </pre>
 *
 * A file that does not read this way stops the reconciler at start with the field at fault: a
 * freeze that is silently ignored would fail open.
 */
public final class DeployPolicyFile {
  private DeployPolicyFile() {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public static List<FreezeWindow> read(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": not a readable YAML deploy policy: " + e.getMessage(), e);
    }
    return parse(root, file.toString());
  }

  static List<FreezeWindow> parse(JsonNode root, String file) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      return List.of();
    }
    JsonNode windows = root.path("freeze_windows");
    if (windows.isMissingNode()) {
      return List.of();
    }
    if (!windows.isArray()) {
      throw problem(file, "freeze_windows", "must be a list of windows");
    }
    List<FreezeWindow> all = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      all.add(window(windows.get(i), file, "freeze_windows[" + i + "]"));
    }
    return all;
  }

  private static FreezeWindow window(JsonNode node, String file, String at) {
    String name = text(node, "name", file, at);
    Set<Environment> environments = EnumSet.noneOf(Environment.class);
    for (JsonNode env : list(node, "environments", file, at, true)) {
      environments.add(
          Environment.named(env.asText())
              .orElseThrow(
                  () ->
                      problem(
                          file,
                          at + ".environments",
                          "'" + env.asText() + "' is not an environment: staging or production")));
    }
    ZoneId zone;
    try {
      zone = node.has("time_zone") ? ZoneId.of(node.get("time_zone").asText()) : ZoneId.of("UTC");
    } catch (DateTimeException e) {
      throw problem(file, at + ".time_zone", "must be a time zone such as Europe/Amsterdam or UTC");
    }
    List<FreezeWindow.OneTime> oneTime = new ArrayList<>();
    List<JsonNode> once = list(node, "one_time", file, at, false);
    for (int i = 0; i < once.size(); i++) {
      String path = at + ".one_time[" + i + "]";
      LocalDateTime start = dateTime(once.get(i), "start", file, path);
      LocalDateTime end = dateTime(once.get(i), "end", file, path);
      if (!end.isAfter(start)) {
        throw problem(file, path + ".end", "must be after start");
      }
      oneTime.add(new FreezeWindow.OneTime(start, end));
    }
    List<FreezeWindow.Weekly> weekly = new ArrayList<>();
    List<JsonNode> weeks = list(node, "weekly", file, at, false);
    for (int i = 0; i < weeks.size(); i++) {
      weekly.add(weekly(weeks.get(i), file, at + ".weekly[" + i + "]"));
    }
    if (oneTime.isEmpty() && weekly.isEmpty()) {
      throw problem(
          file, at, "needs one_time or weekly windows; a freeze with neither freezes nothing");
    }
    return new FreezeWindow(name, environments, zone, oneTime, weekly);
  }

  private static FreezeWindow.Weekly weekly(JsonNode node, String file, String at) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (JsonNode day : list(node, "days", file, at, true)) {
      try {
        days.add(DayOfWeek.valueOf(day.asText().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw problem(file, at + ".days", "'" + day.asText() + "' is not a day such as monday");
      }
    }
    LocalTime start = time(node, "start", file, at);
    boolean endOfDay = "24:00".equals(text(node, "end", file, at));
    LocalTime end = endOfDay ? LocalTime.MIDNIGHT : time(node, "end", file, at);
    if (!endOfDay && !end.isAfter(start)) {
      throw problem(file, at + ".end", "must be after start (24:00 for the end of the day)");
    }
    return new FreezeWindow.Weekly(days, start, end);
  }

  private static String text(JsonNode node, String field, String file, String at) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw problem(file, at + "." + field, "is required and must be text");
    }
    return value.asText();
  }

  private static List<JsonNode> list(
      JsonNode node, String field, String file, String at, boolean required) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() && !required) {
      return List.of();
    }
    if (!value.isArray() || (required && value.isEmpty())) {
      throw problem(
          file, at + "." + field, required ? "must be a non-empty list" : "must be a list");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  private static LocalDateTime dateTime(JsonNode node, String field, String file, String at) {
    String text = text(node, field, file, at);
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeException e) {
      throw problem(
          file, at + "." + field, "must be a local date and time such as 2026-12-24T00:00");
    }
  }

  private static LocalTime time(JsonNode node, String field, String file, String at) {
    String text = text(node, field, file, at);
    try {
      return LocalTime.parse(text);
    } catch (DateTimeException e) {
      throw problem(file, at + "." + field, "must be a time such as 09:00");
    }
  }

  private static IllegalArgumentException problem(String file, String path, String message) {
    return new IllegalArgumentException(file + ": " + path + " " + message);
  }
}
