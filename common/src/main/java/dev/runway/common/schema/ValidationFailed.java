package dev.runway.common.schema;

import java.util.List;
import java.util.stream.Collectors;

/** A document was refused; {@link #problems()} lists every reason, each with its path. */
public final class ValidationFailed extends RuntimeException {

  private final List<Problem> problems;

  public ValidationFailed(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
