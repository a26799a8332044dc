package dev.runway.observability.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.observability.slo.BurnRule;
import dev.runway.observability.slo.BurnRules;
import dev.runway.observability.slo.DetectionTime;
import dev.runway.observability.slo.Objective;
import dev.runway.observability.slo.TimeScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * docs/slo.md's detection-time table is computed by {@link DetectionTime} (which DetectionTimeTest
 * checks against the real windows); rewrite it with -Dupdate.generated=true.
 */
class SloDocTest {

  private static final Path DOC = Path.of("..").toAbsolutePath().normalize().resolve("docs/slo.md");
  private static final String START = "<!-- detection-times:start -->";
  private static final String END = "<!-- detection-times:end -->";
  private static final List<Double> RATES = List.of(1.0, 0.1, 0.02);

  static String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| rule | burn rate | 100% errors | 10% errors | 2% errors | at time scale 1/60, 10% |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (BurnRule rule : BurnRules.WORKBOOK) {
      out.append("| `")
          .append(rule.name())
          .append("` | ")
          .append(PromQl.number(rule.factor()))
          .append("× |");
      for (double rate : RATES) {
        out.append(' ')
            .append(format(DetectionTime.of(rule, Objective.DEFAULT, rate, TimeScale.REAL_TIME)))
            .append(" |");
      }
      out.append(' ')
          .append(format(DetectionTime.of(rule, Objective.DEFAULT, 0.1, new TimeScale(1 / 60.0))))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String format(Optional<Duration> time) {
    if (time.isEmpty()) {
      return "never";
    }
    double seconds = time.get().toMillis() / 1000.0;
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    if (seconds < 7200) {
      return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }

  @Test
  void theDetectionTimeTableIsComputed() throws Exception {
    String doc = Files.readString(DOC);
    int start = doc.indexOf(START);
    int end = doc.indexOf(END);
    assertThat(start).as("docs/slo.md needs the markers " + START + " and " + END).isPositive();
    String expected = START + "\n" + table() + END;
    if (Boolean.getBoolean("update.generated")) {
      doc = doc.substring(0, start) + expected + doc.substring(end + END.length());
      Files.writeString(DOC, doc);
      end = doc.indexOf(END);
    }
    assertThat(doc.substring(start, end + END.length()))
        .as("docs/slo.md is stale; rerun with -Dupdate.generated=true")
        .isEqualTo(expected);
  }
}
