package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client without the secret speaking Atomix 3.1.12's wire format to a node: a frame announcing
 * more content than {@link AtomixMessaging#MAX_FRAME_CONTENT_BYTES} gets its connection closed
 * after its header, so the node buffers none of the content that follows (without the guard Atomix
 * reads and keeps all of it, waiting for the announced length); frames under the limit pass on to
 * authentication (and are rejected there), and the guard stays in step across them; a connection
 * whose rejected messages exceed {@link RejectedInputLimit}'s budget is cut.
 */
@Timeout(120)
class FrameGuardTest {

  private static final int PREAMBLE = "procgroups".hashCode(); // Atomix: the cluster id's hash
  private static final short VERSION = 1;
  private static final long SENT_AT_MOST = 512L << 20;
  private static final long ANNOUNCED = 1L << 30;

  @Test
  void anOversizedFrameClosesItsConnectionAfterItsHeader() throws Exception {
    try (LoopbackNode node =
            LoopbackNode.start("n1", FreePorts.next(), 1, List.of(), SwimProfile.FAST);
        Socket socket = new Socket("127.0.0.1", node.transport.config().bindPort())) {
      DataOutputStream out = greet(socket);
      out.write(frame(1024, "procgroups-transport"));
      out.write(frame(2048, "procgroups-transport"));
      out.flush();
      await(() -> node.transport.rejectedMessages() == 2); // authentication refused both
      assertThat(node.transport.refusedConnections()).isZero();

      out.write(header(ANNOUNCED)); // 1 GiB, over the limit
      assertThat(ANNOUNCED).isGreaterThan(AtomixMessaging.MAX_FRAME_CONTENT_BYTES);
      long sent = 0;
      byte[] chunk = new byte[1 << 20];
      try {
        while (sent < SENT_AT_MOST) {
          out.write(chunk);
          sent += chunk.length;
        }
      } catch (IOException closedByTheNode) {
        // expected: the write after the node closed the connection fails
      }
      // What was written before the reset sat in socket buffers: a few MiB. Without the guard
      // Atomix takes all 512 MiB into its buffer, waiting for the announced 1 GiB.
      assertThat(sent).isLessThan(32L << 20);
      await(() -> node.transport.refusedConnections() == 1);
    }
  }

  @Test
  void aNegativeLengthOrAnUnknownTypeClosesTheConnectionToo() throws Exception {
    try (LoopbackNode node =
        LoopbackNode.start("n1", FreePorts.next(), 1, List.of(), SwimProfile.FAST)) {
      for (byte[] bad : List.of(header(-1), new byte[] {7})) {
        try (Socket socket = new Socket("127.0.0.1", node.transport.config().bindPort())) {
          DataOutputStream out = greet(socket);
          out.write(bad);
          out.flush();
          socket.setSoTimeout(30_000);
          assertThat(socket.getInputStream().read()).as("closed by the node").isEqualTo(-1);
        }
      }
      assertThat(node.transport.refusedConnections()).isEqualTo(2);
    }
  }

  @Test
  void aConnectionSendingManyForgeriesIsCut() throws Exception {
    try (LoopbackNode node =
            LoopbackNode.start("n1", FreePorts.next(), 1, List.of(), SwimProfile.FAST);
        Socket socket = new Socket("127.0.0.1", node.transport.config().bindPort())) {
      DataOutputStream out = greet(socket);
      byte[] forgery = frame(64, "procgroups-transport");
      for (int i = 0; i < RejectedInputLimit.MAX_PER_WINDOW; i++) {
        out.write(forgery);
      }
      out.flush();
      await(() -> node.transport.rejectedMessages() == RejectedInputLimit.MAX_PER_WINDOW);
      assertThat(node.transport.cutConnections()).as("within its budget").isZero();
      out.write(forgery);
      out.flush();
      socket.setSoTimeout(30_000);
      assertThat(socket.getInputStream().read()).as("cut by the node").isEqualTo(-1);
      assertThat(node.transport.cutConnections()).isEqualTo(1);
      assertThat(node.transport.refusedConnections()).isZero();
    }
  }

  /** The handshake, then the sender's address that opens Atomix's stream of frames. */
  private static DataOutputStream greet(Socket socket) throws IOException {
    DataOutputStream out = handshake(socket);
    out.write(senderAddress());
    return out;
  }

  /**
   * Sends the handshake in one write (Atomix reads it from one read: split in two it never
   * completes) and waits for the node's, so what follows is a read of its own.
   */
  private static DataOutputStream handshake(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    ByteArrayOutputStream greeting = new ByteArrayOutputStream();
    DataOutputStream handshake = new DataOutputStream(greeting);
    handshake.writeInt(PREAMBLE);
    handshake.writeShort(VERSION);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    out.write(greeting.toByteArray());
    out.flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    assertThat(in.readInt()).isEqualTo(PREAMBLE);
    in.readShort();
    return out;
  }

  private static byte[] senderAddress() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(4);
    out.write(new byte[] {127, 0, 0, 1});
    out.writeInt(9999);
    return bytes.toByteArray();
  }

  /** A request frame with {@code contentBytes} of zeros (not a sealed envelope) and a subject. */
  private static byte[] frame(int contentBytes, String subject) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(header(contentBytes));
    bytes.write(new byte[contentBytes]);
    byte[] name = subject.getBytes(StandardCharsets.UTF_8);
    new DataOutputStream(bytes).writeShort(name.length);
    bytes.write(name);
    return bytes.toByteArray();
  }

  /** A request's type, message id 1 and the announced content length, as Atomix writes them. */
  private static byte[] header(long contentLength) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(1); // request
    varint(bytes, 1);
    varint(bytes, (int) contentLength);
    return bytes.toByteArray();
  }

  private static void varint(OutputStream out, int value) {
    try {
      for (int i = 0; i < 4 && (value & ~0x7F) != 0; i++) {
        out.write((value & 0x7F) | 0x80);
        value >>>= 7;
      }
      out.write(value & 0xFF);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
