package dev.runway.reconciler.runtime;

/** A revision could not be made to run in a region; the message says why, for a person. */
public class DeployFailed extends Exception {
  public DeployFailed(String message) {
    super(message);
  }

  public DeployFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
