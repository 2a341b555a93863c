package dev.procgroups.jepsen.control;

/** A control call got no usable answer: it may or may not have taken effect (Jepsen's :info). */
public final class IndeterminateException extends Exception {
  private static final long serialVersionUID = 1L;

  public IndeterminateException(String message, Throwable cause) {
    super(message, cause);
  }
}
