package dev.runway.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded fuzzing of a parser: mutants of valid documents (bytes deleted, structural tokens of YAML
 * and JSON inserted, ranges repeated, lines swapped, cut short, nested deep, characters no editor
 * shows), each of which must end as the parser's own refusal or as a value, never as any other
 * exception. Seeds are fixed, so a failure names an input that fails again on every run; the number
 * of mutants per seed is {@code runway.fuzz.inputs} (the suite's default is small, {@code
 * bench/fuzz.sh} raises it).
 *
 * <p>Written here instead of taken from jqwik: jqwik 1.10 runs on JUnit Platform 1, this build on
 * Platform 6, and its licence asks not to be used by coding agents.
 */
public final class Fuzz {
  private Fuzz() {}

  /** How many inputs ended as values and how many as the parser's refusal. */
  public record Tally(String parser, int inputs, int accepted, int refused) {}

  private static final String[] TOKENS = {
    ":",
    ": ",
    "-",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\"",
    "'",
    "#",
    "&a ",
    "*a",
    "!!binary ",
    "!!java.io.File ",
    "|",
    ">",
    "\n",
    "\n  ",
    "\n- ",
    "\t",
    " ",
    "\\",
    "\\u0000",
    "null",
    "true",
    "1e999",
    "-0",
    "0x10",
    "~",
    "---\n",
    "...",
    "%YAML 1.1\n",
    "@",
    "`",
    "? ",
    "<<: *a\n",
    "é",
    "\uD83D\uDE80",
    "\u0000",
    "\u202E",
    "\uFEFF",
    "\uD800",
    "99999999999999999999999",
    "\"\\ud800\"",
    "\r\n",
    "\r",
    "\r\n\r\n",
    "Transfer-Encoding: chunked\r\n",
    "Content-Length: 99\r\n",
    "Content-Length: -1\r\n",
    "Host: \r\n",
    "HTTP/1.0",
    "HTTP/2.0",
    "%00",
    "%zz",
    "/../",
    "?%",
    "Connection: close\r\n",
    "Expect: 100-continue\r\n",
    "0\r\n\r\n",
    "ffffffff\r\n",
  };

  /**
   * Adds a line to the report {@code bench/fuzz.sh} asks for with {@code runway.fuzz.report}; does
   * nothing in the suite, which reports only failures.
   */
  public static void report(String parser, int inputs, String outcomes) {
    String file = System.getProperty("runway.fuzz.report");
    if (file == null) {
      return;
    }
    try {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(file),
          parser + "\t" + inputs + "\t" + outcomes + "\n",
          java.nio.charset.StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The number of mutants per seed, from {@code runway.fuzz.inputs}, else {@code fallback}. */
  public static int inputs(int fallback) {
    return Integer.getInteger("runway.fuzz.inputs", fallback);
  }

  /** {@code count} mutants of {@code valid}, the same ones for the same seed. */
  public static List<String> mutants(String valid, long seed, int count) {
    Random random = new Random(seed);
    List<String> mutants = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String mutant = valid;
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        mutant = mutate(mutant, random);
      }
      mutants.add(mutant);
    }
    return mutants;
  }

  /**
   * Parses every input; each must give a value or throw one of {@code refusals}. Fails on the first
   * that does neither, naming the input and what escaped.
   */
  @SafeVarargs
  public static Tally check(
      String parser,
      List<String> inputs,
      Function<String, ?> parse,
      Class<? extends Throwable>... refusals) {
    int accepted = 0;
    int refused = 0;
    for (String input : inputs) {
      try {
        Object unused = parse.apply(input);
        accepted++;
      } catch (Throwable escaped) {
        if (Arrays.stream(refusals).noneMatch(r -> r.isInstance(escaped))) {
          AssertionError failure =
              new AssertionError(
                  parser
                      + " let "
                      + escaped
                      + " escape instead of refusing the input; the input was:\n"
                      + input);
          failure.initCause(escaped);
          throw failure;
        }
        refused++;
      }
    }
    report(parser, inputs.size(), accepted + " accepted, " + refused + " refused, 0 escaped");
    return new Tally(parser, inputs.size(), accepted, refused);
  }

  private static String mutate(String text, Random random) {
    if (text.isEmpty()) {
      return token(random);
    }
    int at = random.nextInt(text.length() + 1);
    int to = Math.min(text.length(), at + 1 + random.nextInt(16));
    return switch (random.nextInt(9)) {
      case 0 -> text.substring(0, at) + text.substring(to); // delete a range
      case 1, 2 -> text.substring(0, at) + token(random) + text.substring(at); // insert a token
      case 3 ->
          at < text.length()
              ? text.substring(0, at) + token(random) + text.substring(at + 1)
              : text + token(random); // replace a character
      case 4 -> text.substring(0, to) + text.substring(at, to) + text.substring(to); // repeat
      case 5 -> text.substring(0, at); // cut short
      case 6 -> swapLines(text, random);
      case 7 -> text.substring(0, at) + "[".repeat(2000) + text.substring(at); // nest deep
      default -> text.substring(0, at) + (char) random.nextInt(0x80) + text.substring(at);
    };
  }

  private static String token(Random random) {
    return TOKENS[random.nextInt(TOKENS.length)];
  }

  private static String swapLines(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.size() < 2) {
      return text;
    }
    int a = random.nextInt(lines.size());
    int b = random.nextInt(lines.size());
    String line = lines.get(a);
    lines.set(a, lines.get(b));
    lines.set(b, line);
    return String.join("\n", lines);
  }
}
