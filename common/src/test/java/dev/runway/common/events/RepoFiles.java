package dev.runway.common.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checked-in files that tests compare generated text against. Run the tests with {@code
 * -Dupdate.generated=true} to rewrite them after an intended change.
 */
final class RepoFiles {
  private RepoFiles() {}

  static Path root() {
    String root = System.getProperty("repo.root");
    return root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
  }

  static boolean updating() {
    return Boolean.getBoolean("update.generated");
  }

  /** Returns the file's checked-in text, first rewriting it when updating. */
  static String expect(Path file, String generated) throws IOException {
    if (updating()) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated);
    }
    if (!Files.exists(file)) {
      throw new AssertionError(
          file + " is missing; run the tests with -Dupdate.generated=true to create it");
    }
    return Files.readString(file);
  }
}
