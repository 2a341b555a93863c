package dev.procgroups.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * A runtime the suite runs against: this project's embedded cluster, or another runtime through an
 * external adapter executable (CONTRACT.md).
 */
public interface ScriptRuntime extends AutoCloseable {

  /** A short name for reports. */
  String name();

  /** What the runtime provides; cases needing anything else are skipped. */
  Set<Capability> capabilities();

  /**
   * Runs {@code script} as a process on node 1 of a fresh cluster of {@code nodes} nodes, with the
   * suite root (where {@code harness.lua} and {@code helpers/} live) on the module path.
   */
  ScriptOutcome run(Path suiteRoot, ConformanceScript script, int nodes, Duration timeout);

  @Override
  default void close() {}
}
