package dev.procgroups.jepsen.net;

/**
 * No private network namespace (or no firewall inside one) could be set up. The harness stops here:
 * it never falls back to the host's network or firewall.
 */
public final class NamespaceUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public NamespaceUnavailableException(String message) {
    super(message);
  }
}
