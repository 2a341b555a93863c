package dev.procgroups.bench.cluster;

import dev.procgroups.jepsen.harness.RunCertificates;
import dev.procgroups.transport.tls.TransportSecurity;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * TLS between the benchmark's nodes ({@code --tls}): a CA made for the run ({@link
 * RunCertificates}, as the Jepsen run does) and a certificate per node name, issued when a node of
 * that name first starts. Worker JVMs find theirs under {@code $PROCGROUPS_BENCH_TLS_DIR}; without
 * it (no {@code --tls}) every node runs in plaintext, chosen explicitly.
 */
final class BenchTls {

  static final String DIR_ENV = "PROCGROUPS_BENCH_TLS_DIR";

  private static Path dir; // guarded by the class
  private static RunCertificates certificates;
  private static final Set<String> issued = new HashSet<>();

  private BenchTls() {}

  /** Turns TLS on for this run, its CA and certificates in {@code runDir}. */
  static synchronized void enable(Path runDir) {
    dir = runDir;
    certificates = RunCertificates.create(runDir);
  }

  /** The security of node {@code name} in this JVM (its certificate issued if it has none yet). */
  static synchronized TransportSecurity forNode(String name) {
    if (dir == null) {
      return TransportSecurity.plaintext();
    }
    if (issued.add(name)) {
      certificates.issue(name, name);
    }
    return files(dir, name);
  }

  /** Readies the environment of worker {@code name}'s JVM. */
  static synchronized void prepare(String name, Map<String, String> environment) {
    if (forNode(name) instanceof TransportSecurity.Tls) {
      environment.put(DIR_ENV, dir.toString());
    }
  }

  /** In a worker JVM: the security its parent prepared. */
  static TransportSecurity fromEnvironment(String name) {
    String workerDir = System.getenv(DIR_ENV);
    return workerDir == null ? TransportSecurity.plaintext() : files(Path.of(workerDir), name);
  }

  private static TransportSecurity files(Path runDir, String name) {
    return TransportSecurity.tls(
        runDir.resolve(name).resolve("cert.pem"),
        runDir.resolve(name).resolve("key.pem"),
        runDir.resolve("ca.pem"));
  }
}
