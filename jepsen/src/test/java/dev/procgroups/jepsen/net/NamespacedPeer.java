package dev.procgroups.jepsen.net;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test driver of one {@link ProbePeer} JVM running inside a namespace as a node. */
public final class NamespacedPeer implements AutoCloseable {
  public static final int PORT = 9000;

  private final Process process;
  private final PrintStream commands;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> datagrams = new LinkedBlockingQueue<>();

  public NamespacedPeer(NetNamespace ns, NodeAddress node) throws Exception {
    process =
        new ProcessBuilder(ns.command(node.runAs(command(node))))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(l -> (l.startsWith("udp ") ? datagrams : replies).add(l));
              } catch (java.io.IOException e) {
                replies.add("closed");
              }
            });
    reader.setDaemon(true);
    reader.start();
    if (!"ready".equals(next(Duration.ofSeconds(20)))) {
      throw new IllegalStateException("probe peer for " + node + " did not start");
    }
  }

  /** The command line of a {@link ProbePeer} JVM for {@code node}. */
  public static List<String> command(NodeAddress node) {
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classes =
          Path.of(ProbePeer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
      return List.of(
          java,
          "-XX:TieredStopAtLevel=1",
          "-cp",
          classes,
          ProbePeer.class.getName(),
          node.ip(),
          Integer.toString(PORT));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a TCP round trip to {@code target} succeeds. */
  public boolean tcp(NodeAddress target) throws InterruptedException {
    commands.println("tcp " + target.ip() + " " + PORT);
    return "tcp ok".equals(next(Duration.ofSeconds(10)));
  }

  /** Sends {@code nonce} over UDP to {@code target}'s peer. */
  public void udp(NodeAddress target, String nonce) {
    commands.println("udp " + target.ip() + " " + PORT + " " + nonce);
  }

  /** Whether this peer reports the datagram {@code nonce} within {@code wait}. */
  public boolean received(String nonce, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      String line = datagrams.poll(left, TimeUnit.NANOSECONDS);
      if (("udp " + nonce).equals(line)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How many datagrams whose nonce starts with {@code prefix} this peer reports before none has
   * come for {@code quiet}.
   */
  public int receivedCount(String prefix, Duration quiet) throws InterruptedException {
    int count = 0;
    for (String line = datagrams.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        line != null;
        line = datagrams.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
      if (line.startsWith("udp " + prefix)) {
        count++;
      }
    }
    return count;
  }

  /**
   * How many datagrams whose nonce starts with {@code prefix} this peer reports until {@code
   * deadline} ({@link System#nanoTime()}).
   */
  public int receivedUntil(String prefix, long deadline) throws InterruptedException {
    int count = 0;
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      String line = datagrams.poll(left, TimeUnit.NANOSECONDS);
      if (line != null && line.startsWith("udp " + prefix)) {
        count++;
      }
    }
    return count;
  }

  private String next(Duration wait) throws InterruptedException {
    return replies.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
  }
}
