package dev.runway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces one benchmark's section of docs/benchmarks.md, between {@code <!-- name:start -->} and
 * {@code <!-- name:end -->}, leaving the other benchmarks' sections as they are.
 */
final class MarkdownSection {
  private MarkdownSection() {}

  static void write(Path file, String name, String body) throws IOException {
    String start = "<!-- " + name + ":start -->";
    String end = "<!-- " + name + ":end -->";
    String section = start + "\n" + body.strip() + "\n" + end;
    String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    if (from >= 0 && to > from) {
      text = text.substring(0, from) + section + text.substring(to + end.length());
    } else {
      text = text.stripTrailing() + "\n\n" + section + "\n";
    }
    Files.writeString(file, text);
  }
}
