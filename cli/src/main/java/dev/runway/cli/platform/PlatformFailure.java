package dev.runway.cli.platform;

/** The platform cannot start or keep running, and why, in words an operator can act on. */
public final class PlatformFailure extends Exception {
  private static final long serialVersionUID = 1L;

  public PlatformFailure(String message) {
    super(message);
  }
}
