package dev.runway.cli.demo;

/** A step of the demo did not go as the story says, and how. */
final class DemoFailed extends Exception {
  private static final long serialVersionUID = 1L;

  DemoFailed(String message) {
    super(message);
  }
}
