package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.auth.ClusterSecret;
import io.atomix.cluster.AtomixCluster;
import io.atomix.cluster.discovery.BootstrapDiscoveryProvider;
import io.atomix.utils.net.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Two Atomix transports in one JVM on 127.0.0.1: ping-pong round-trip latency (one message in
 * flight) and one-way throughput (a burst, timed until the last message is delivered), then the
 * same burst over bare Atomix messaging (one Atomix message per message) as the baseline. A bench,
 * not a test: figures go to {@code bench/results/transport.md}.
 */
@Command(
    name = "transport-bench",
    mixinStandardHelpOptions = true,
    description = "Round-trip latency and messages/s between two Atomix transports on loopback.")
public final class TransportBench implements Runnable {

  @Option(names = "--pings", description = "Measured round trips (default ${DEFAULT-VALUE}).")
  int pings = 20_000;

  @Option(names = "--warmup-pings", description = "Unmeasured round trips first.")
  int warmupPings = 5_000;

  @Option(names = "--messages", description = "Messages per throughput run.")
  int messages = 1_000_000;

  @Option(names = "--sizes", split = ",", description = "Payload sizes in bytes, one run each.")
  int[] sizes = {16, 256};

  @Option(names = "--runs", description = "Throughput runs per size (the first is warm-up).")
  int runs = 3;

  @Option(
      names = "--raw-messages",
      description = "Messages per run of bare Atomix messaging, one Atomix message each.")
  int rawMessages = 200_000;

  private static final long TIMEOUT_SECONDS = 120;

  /** Messages in flight at most during a throughput run. */
  private static final int WINDOW = 50_000;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TransportBench()).execute(args));
  }

  @Override
  public void run() {
    int portA = freePort();
    int portB = freePort();
    ClusterSecret secret = ClusterSecret.random();
    try (AtomixTransport a = start("a", portA, "b", portB, secret);
        AtomixTransport b = start("b", portB, "a", portA, secret)) {
      awaitUp(a, b.self());
      awaitUp(b, a.self());
      System.out.printf(
          "JDK %s, %d cores, load average %.2f%n",
          Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());
      roundTrips(a, b);
      for (int size : sizes) {
        for (int run = 0; run < runs; run++) {
          throughput(a, b, size, run == 0);
        }
      }
      System.out.printf("dropped: a=%d b=%d%n", a.droppedMessages(), b.droppedMessages());
      for (int run = 0; run < runs; run++) {
        bareAtomix(sizes[0], run == 0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The baseline the batching is for: one Atomix message per message, no transport. */
  private void bareAtomix(int size, boolean warmup) throws InterruptedException {
    int portA = freePort();
    int portB = freePort();
    AtomixCluster a = bareNode("raw-a", portA);
    AtomixCluster b = bareNode("raw-b", portB);
    ExecutorService handlerThread = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture.allOf(a.start(), b.start()).join();
      AtomicLong count = new AtomicLong();
      CountDownLatch received = new CountDownLatch(1);
      BiConsumer<Address, byte[]> handler =
          (from, message) -> {
            if (count.incrementAndGet() == rawMessages) {
              received.countDown();
            }
          };
      b.getMessagingService().registerHandler("bench", handler, handlerThread);
      Address target = Address.from("127.0.0.1", portB);
      byte[] payload = new byte[size];
      long start = System.nanoTime();
      for (int i = 0; i < rawMessages; i++) {
        awaitWindow(i, count);
        a.getMessagingService().sendAsync(target, "bench", payload);
      }
      if (!received.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("bare Atomix delivered only " + count.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%s bare Atomix one-way, %d x %d bytes, unbatched: %.0f messages/s%n",
          warmup ? "warm-up" : "measured", rawMessages, size, rawMessages / seconds);
    } finally {
      CompletableFuture.allOf(a.stop(), b.stop()).join();
      handlerThread.shutdownNow();
    }
  }

  private static AtomixCluster bareNode(String name, int port) {
    return AtomixCluster.builder()
        .withMemberId(name)
        .withAddress("127.0.0.1", port)
        .withMessagingInterface("127.0.0.1")
        .withMembershipProvider(BootstrapDiscoveryProvider.builder().build())
        .build();
  }

  private static void awaitWindow(int sent, AtomicLong delivered) {
    while (sent - delivered.get() >= WINDOW) {
      LockSupport.parkNanos(20_000); // stay far below the transport's per-peer queue bound
    }
  }

  private void roundTrips(AtomixTransport a, AtomixTransport b) throws InterruptedException {
    b.onMessage((from, message) -> b.send(from, message)); // echo
    SynchronousQueue<byte[]> replies = new SynchronousQueue<>();
    a.onMessage(
        (from, message) -> {
          try {
            replies.put(message);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    byte[] ping = new byte[16];
    long[] nanos = new long[pings];
    for (int i = -warmupPings; i < pings; i++) {
      long start = System.nanoTime();
      a.send(b.self(), ping);
      if (replies.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS) == null) {
        throw new IllegalStateException("no reply to ping " + i);
      }
      if (i >= 0) {
        nanos[i] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        "round trip, 16-byte messages, %d pings: p50 %.0f us, p90 %.0f us, "
            + "p99 %.0f us, p99.9 %.0f us, max %.0f us%n",
        pings,
        micros(nanos, 0.50),
        micros(nanos, 0.90),
        micros(nanos, 0.99),
        micros(nanos, 0.999),
        nanos[nanos.length - 1] / 1e3);
  }

  private void throughput(AtomixTransport a, AtomixTransport b, int size, boolean warmup)
      throws InterruptedException {
    CountDownLatch received = new CountDownLatch(1);
    AtomicLong count = new AtomicLong();
    b.onMessage(
        (from, message) -> {
          if (count.incrementAndGet() == messages) {
            received.countDown();
          }
        });
    byte[] payload = ByteBuffer.allocate(size).array();
    long start = System.nanoTime();
    for (int i = 0; i < messages; i++) {
      awaitWindow(i, count);
      a.send(b.self(), payload);
    }
    long sent = System.nanoTime();
    if (!received.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          "only "
              + count.get()
              + " of "
              + messages
              + " delivered (dropped "
              + a.droppedMessages()
              + ")");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%s one-way, %d x %d bytes: %.0f messages/s (%.1f MB/s), "
            + "send loop %.0f ms, last delivery %.0f ms%n",
        warmup ? "warm-up" : "measured",
        messages,
        size,
        messages / seconds,
        messages * (double) size / seconds / 1e6,
        (sent - start) / 1e6,
        seconds * 1e3);
  }

  private static AtomixTransport start(
      String name, int port, String peer, int peerPort, ClusterSecret secret) {
    return AtomixTransport.start(
        AtomixTransportConfig.builder()
            .nodeName(name)
            .bind("127.0.0.1", port)
            .seed(peer, "127.0.0.1", peerPort)
            .incarnation(1)
            .swimProfile(SwimProfile.FAST)
            .secret(secret)
            .plaintext()
            .build());
  }

  private static void awaitUp(AtomixTransport observer, NodeId peer) throws InterruptedException {
    CountDownLatch up = new CountDownLatch(1);
    observer.onPeerEvent(
        event -> {
          if (event.equals(new PeerEvent.Up(peer))) {
            up.countDown();
          }
        });
    if (!up.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException(observer.self() + " never saw " + peer);
    }
  }

  private static double micros(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e3;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
