package dev.procgroups.jepsen.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made for one run, and a certificate per node name, with the {@code
 * openssl} command as an operator would (docs/OPERATIONS.md "TLS between nodes"): EC P-256, the
 * node's name as DNS alternative name and common name, for TLS client and server. Through {@code
 * openssl ca}, which can backdate: every certificate is valid from a day before the run, as the
 * clock faults set a node's clock minutes back (a certificate not yet valid there would refuse its
 * start or its handshakes). The CA's key stays in the run's directory; each node gets {@code
 * <dir>/<file>/{cert,key}.pem} and the shared {@code <dir>/ca.pem}. Not thread-safe: {@code openssl
 * ca} keeps a database in the directory.
 */
public final class RunCertificates {

  private static final long OPENSSL_TIMEOUT_SECONDS = 60;
  private static final DateTimeFormatter OPENSSL_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String CONFIG =
      """
      [ca]
      default_ca = run
      [run]
      database = index.txt
      new_certs_dir = .
      serial = serial
      default_md = sha256
      policy = any
      unique_subject = no
      [any]
      commonName = supplied
      [authority]
      basicConstraints = critical,CA:true
      keyUsage = critical,keyCertSign,cRLSign
      """;

  private final Path dir;
  private final String notBefore;
  private final String notAfter;

  private RunCertificates(Path dir) {
    // Absolute: openssl runs in this directory, and the nodes are given these paths.
    this.dir = dir.toAbsolutePath();
    Instant now = Instant.now();
    this.notBefore = OPENSSL_TIME.format(now.minus(Duration.ofDays(1)));
    this.notAfter = OPENSSL_TIME.format(now.plus(Duration.ofDays(2)));
  }

  /** Makes the run's CA in {@code dir} (created if missing). */
  public static RunCertificates create(Path dir) {
    RunCertificates certificates = new RunCertificates(dir);
    Path at = certificates.dir;
    try {
      Files.createDirectories(at);
      Files.writeString(at.resolve("ca.cnf"), CONFIG, StandardCharsets.US_ASCII);
      Files.writeString(at.resolve("index.txt"), "", StandardCharsets.US_ASCII);
      Files.writeString(at.resolve("serial"), "01\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write into " + at, e);
    }
    certificates.request(at, "procgroups-run-ca", "ca-key.pem", "ca.csr");
    certificates.sign(
        "-selfsign",
        "-keyfile",
        "ca-key.pem",
        "-in",
        "ca.csr",
        "-out",
        "ca.pem",
        "-extensions",
        "authority");
    return certificates;
  }

  /**
   * Issues a certificate naming {@code name} into {@code <dir>/<file>} and returns the node's TLS
   * options ({@code --tls-cert}, {@code --tls-key}, {@code --tls-ca}). {@code file} lets two
   * holders of one name (a node and an impostor) have certificates of their own.
   */
  public List<String> issue(String file, String name) {
    Path node = dir.resolve(file);
    try {
      Files.createDirectories(node);
      Files.writeString(
          node.resolve("ext.cnf"),
          "subjectAltName = DNS:" + name + "\nextendedKeyUsage = serverAuth,clientAuth\n",
          StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write into " + node, e);
    }
    request(node, name, "key.pem", "req.csr");
    sign(
        "-cert",
        "ca.pem",
        "-keyfile",
        "ca-key.pem",
        "-in",
        node.resolve("req.csr").toString(),
        "-out",
        node.resolve("cert.pem").toString(),
        "-extfile",
        node.resolve("ext.cnf").toString());
    return List.of(
        "--tls-cert",
        node.resolve("cert.pem").toString(),
        "--tls-key",
        node.resolve("key.pem").toString(),
        "--tls-ca",
        dir.resolve("ca.pem").toString());
  }

  /** A new EC P-256 key (PKCS#8) and a request for {@code commonName}, in {@code where}. */
  private void request(Path where, String commonName, String key, String csr) {
    openssl(
        where,
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-subj",
        "/CN=" + commonName,
        "-keyout",
        key,
        "-out",
        csr);
  }

  /** {@code openssl ca} in the run's directory, valid from a day ago for three days. */
  private void sign(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "ca",
                "-batch",
                "-notext",
                "-config",
                "ca.cnf",
                "-startdate",
                notBefore,
                "-enddate",
                notAfter));
    command.addAll(List.of(args));
    openssl(dir, command.toArray(String[]::new));
  }

  private static void openssl(Path workingDir, String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workingDir.toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(OPENSSL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("openssl " + args[0] + " did not end");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "openssl " + String.join(" ", args) + " failed: " + output.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run openssl (apt-get install openssl)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
  }
}
