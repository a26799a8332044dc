package dev.runway.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocatedFileTest {

  @Test
  void anInventoryWithASyntaxErrorIsReportedAtItsLineAndColumnAndNotSent() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(
              LocatedFile.parse(
                  Path.of("inventory.json"),
                  "{\n  \"inventory\": [\n    {\"name\": \"a\",, \"project_id\": 1}\n  ]\n}"))
          .isEmpty();
    } finally {
      System.setErr(err);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .startsWith("runwayctl: inventory.json:3:");
  }

  @Test
  void aWellFormedFileIsReadWhateverItsFieldsSay() {
    assertThat(LocatedFile.parse(Path.of("inventory.json"), "{\"inventory\": {}}"))
        .get()
        .satisfies(root -> assertThat(root.path("inventory").isObject()).isTrue());
  }
}
