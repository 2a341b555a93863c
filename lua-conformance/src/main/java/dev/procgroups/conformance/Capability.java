package dev.procgroups.conformance;

import java.util.Arrays;
import java.util.Optional;

/**
 * A part of the contract (CONTRACT.md, "Capabilities", which says what each one holds) that a
 * runtime may or may not provide. An adapter declares the ones it has; a case whose {@code needs:}
 * header names one it lacks is skipped, not failed.
 */
public enum Capability {
  CORE("core"),
  SPAWN("spawn"),
  MULTI_NODE("multi-node"),
  POLICY("policy"),
  SCOPES("scopes"),
  LIMITS("limits");

  private final String word;

  Capability(String word) {
    this.word = word;
  }

  /** The name used in headers, by adapters and in reports. */
  public String word() {
    return word;
  }

  public static Optional<Capability> of(String word) {
    return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
  }

  @Override
  public String toString() {
    return word;
  }
}
