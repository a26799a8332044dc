package dev.runway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums the fuzz tests' report (one line per check: parser, inputs, outcomes) per parser and writes
 * the fuzz section of docs/reliability.md. Usage: FuzzReport report.tsv inputs-per-seed doc.
 */
public final class FuzzReport {
  private FuzzReport() {}

  private static final Pattern COUNT = Pattern.compile("(\\d+) (accepted|refused|escaped)");
  private static final Pattern ANSWER = Pattern.compile("([\\w ]+)=(\\d+)");

  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    Map<String, Map<String, Long>> byParser = new LinkedHashMap<>();
    for (String line : lines) {
      String[] cells = line.split("\t", 3);
      Map<String, Long> sums = byParser.computeIfAbsent(cells[0], p -> new TreeMap<>());
      sums.merge("inputs", Long.parseLong(cells[1]), Long::sum);
      Matcher m = (cells[2].startsWith("answers") ? ANSWER : COUNT).matcher(cells[2]);
      while (m.find()) {
        boolean answers = cells[2].startsWith("answers");
        String key = answers ? m.group(1).strip() : m.group(2);
        long value = Long.parseLong(answers ? m.group(2) : m.group(1));
        sums.merge(key, value, Long::sum);
      }
    }
    StringBuilder body = new StringBuilder();
    body.append("Measured by `bench/fuzz.sh ")
        .append(args[1])
        .append("` on ")
        .append(java.time.LocalDate.now())
        .append(": ")
        .append(args[1])
        .append(" mutants per seed, seeds 1 to 3 (the router: seed 1).\n\n");
    body.append("| parser | inputs | outcome |\n|---|---:|---|\n");
    byParser.forEach(
        (parser, sums) -> {
          long inputs = sums.remove("inputs");
          body.append("| ").append(parser).append(" | ").append(inputs).append(" | ");
          StringBuilder outcome = new StringBuilder();
          sums.forEach(
              (k, v) -> outcome.append(outcome.length() == 0 ? "" : ", ").append(k + " " + v));
          if (!sums.containsKey("escaped") && !sums.containsKey("accepted")) {
            outcome.append(", 5xx 0");
          }
          body.append(outcome).append(" |\n");
        });
    MarkdownSection.write(Path.of(args[2]), "fuzz", body.toString());
    System.out.println(body);
  }
}
