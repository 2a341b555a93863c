package dev.procgroups.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.process.EncodedSize;
import dev.procgroups.process.Pid;
import dev.procgroups.replication.ProtocolMessage.Change;
import dev.procgroups.replication.ProtocolMessage.Deltas;
import dev.procgroups.replication.ProtocolMessage.Digest;
import dev.procgroups.replication.ProtocolMessage.Patch;
import dev.procgroups.replication.ProtocolMessage.ResyncRequest;
import dev.procgroups.replication.ProtocolMessage.Sync;
import dev.procgroups.replication.WireMessage.Delivery;
import dev.procgroups.replication.WireMessage.ForScope;
import dev.procgroups.store.StoreChange;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ProtocolCodecTest {
  private static final Pid P1 = Pid.parse("{n1@app:processes|000001}");
  private static final Pid P2 = Pid.parse("{n1@app:processes|1000002}");
  private static final Map<String, List<Pid>> GROUPS = Map.of("workers", List.of(P1, P1, P2));

  static List<WireMessage> samples() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("k", List.of(1L, -2L, 3.5, "x", true, false));
    nested.put("nil", null);
    return List.of(
        new ForScope("app:s", new Sync(7, 42, GROUPS)),
        new ForScope("app:s", new Sync(7, 0, Map.of())),
        new ForScope(
            "app:s",
            new Deltas(
                7,
                43,
                List.of(
                    new Change(StoreChange.Direction.JOIN, GROUPS),
                    new Change(StoreChange.Direction.LEAVE, Map.of("g", List.of(P2)))))),
        new ForScope("app:s", new Digest(7, 43, -123456789L)),
        new ForScope("app:s", new ResyncRequest(Long.MAX_VALUE)),
        new ForScope("app:s", new ResyncRequest(7, 0, 0)),
        new ForScope("app:s", new ResyncRequest(7, 42, -5L)),
        new ForScope(
            "app:s",
            new Patch(
                7, 3, 9, -77L, Map.of("g", List.of(P2)), Map.of("workers", GROUPS.get("workers")))),
        new ForScope("app:s", new Patch(7, 9, 9, 0, Map.of(), Map.of())),
        new Delivery(7, 9, P1, "topic", nested, List.of(P2, P2)),
        new Delivery(7, 10, P1, "t", null, List.of()));
  }

  @Example
  void everyMessageSurvivesTheRoundTrip() throws Exception {
    for (WireMessage m : samples()) {
      assertThat(ProtocolCodec.decode(ProtocolCodec.encode(m))).isEqualTo(m);
    }
  }

  @Property(tries = 200)
  void payloadsSurviveTheRoundTrip(@ForAll("payloads") Object payload) throws Exception {
    WireMessage m = new Delivery(1, 1, P1, "t", payload, List.of(P2));
    assertThat(ProtocolCodec.decode(ProtocolCodec.encode(m))).isEqualTo(m);
  }

  @Property(tries = 200)
  void theDecoderMeasuresTheMailboxChargeOfAPayload(@ForAll("payloads") Object payload)
      throws Exception {
    WireMessage m = new Delivery(1, 1, P1, "t", payload, List.of(P2));
    assertThat(ProtocolCodec.decodeMeasured(ProtocolCodec.encode(m)).payloadBytes())
        .isEqualTo(EncodedSize.of(payload, Long.MAX_VALUE));
  }

  @Provide
  Arbitrary<Object> payloads() {
    Arbitrary<Object> leaf =
        Arbitraries.oneOf(
            Arbitraries.longs().map(x -> (Object) x),
            Arbitraries.doubles().map(x -> (Object) x),
            Arbitraries.strings().map(x -> (Object) x),
            Arbitraries.of(true, false).map(x -> (Object) x));
    return Arbitraries.recursive(
        () -> leaf,
        inner ->
            Arbitraries.oneOf(
                inner.list().ofMaxSize(3).map(x -> (Object) x),
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(3), inner)
                    .ofMaxSize(3)
                    .map(x -> (Object) x)),
        0,
        4);
  }

  @Example
  void everyTruncationIsRejected() {
    for (WireMessage m : samples()) {
      byte[] bytes = ProtocolCodec.encode(m);
      for (int len = 0; len < bytes.length; len++) {
        byte[] cut = Arrays.copyOf(bytes, len);
        assertThatThrownBy(() -> ProtocolCodec.decode(cut))
            .isInstanceOf(MalformedMessageException.class);
      }
    }
  }

  @Example
  void trailingBytesAreRejected() {
    byte[] bytes = ProtocolCodec.encode(samples().get(0));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> ProtocolCodec.decode(longer)).hasMessageContaining("trailing");
  }

  @Example
  void badFieldsAreRejected() {
    assertRejected(
        withText(
            new ForScope("s", new Sync(1, 1, Map.of("g", List.of(P1)))),
            "{n1@app:processes|000001}",
            "{n1@app:processes|00001g}"),
        "not a pid");
    assertRejected(new Sync(1, 1, Map.of("", List.of(P1))), "empty group");
    assertRejected(new Sync(1, 1, Map.of("g", List.of())), "group without pids");
    assertRejected(new Sync(1, 1, Map.of("x".repeat(1025), List.of(P1))), "group length");
    assertRejected(
        new Deltas(1, 0, List.of(new Change(StoreChange.Direction.JOIN, GROUPS))), "start at 1");
    assertRejected(new Deltas(1, 1, List.of()), "empty delta batch");
    assertRejected(
        withText(
            new Delivery(1, 1, P1, "t", null, List.of()),
            "{n1@app:processes|000001}",
            "nobody" + "_".repeat(19)),
        "not a pid");
    assertRejected(new Delivery(1, 1, P1, "", null, List.of()), "empty topic");
    assertRejected(new ResyncRequest(0), "incarnation must be positive");
    assertRejected(new Patch(1, 5, 4, 0, Map.of(), Map.of()), "ends before its base");
    assertRejected(new Patch(1, 1, 2, 0, Map.of("g", List.of()), Map.of()), "group without pids");
  }

  @Example
  void lyingCountsAndBadUtf8AreRejected() {
    byte[] bytes = ProtocolCodec.encode(new ForScope("s", new Sync(1, 1, GROUPS)));
    // version, type, scope length 1, 's', incarnation, seq, then the group count.
    byte[] lying = bytes.clone();
    lying[6] = 0x7F;
    assertThatThrownBy(() -> ProtocolCodec.decode(lying))
        .isInstanceOf(MalformedMessageException.class);
    byte[] notUtf8 = bytes.clone();
    notUtf8[3] = (byte) 0xFF;
    assertThatThrownBy(() -> ProtocolCodec.decode(notUtf8)).hasMessageContaining("UTF-8");
  }

  @Example
  void payloadsNestedTooDeepAreRejected() {
    Object deep = "leaf";
    for (int i = 0; i < 40; i++) {
      deep = List.of(deep);
    }
    Object tooDeep = deep;
    assertThatThrownBy(() -> ProtocolCodec.encode(new Delivery(1, 1, P1, "t", tooDeep, List.of())))
        .isInstanceOf(IllegalArgumentException.class);
    // Hand-made: 40 nested one-element lists.
    byte[] head = ProtocolCodec.encode(new Delivery(1, 1, P1, "t", null, List.of()));
    int payloadAt = head.length - 2; // the nil tag, then the empty target count
    byte[] evil = new byte[head.length - 2 + 80 + 2];
    System.arraycopy(head, 0, evil, 0, payloadAt);
    for (int i = 0; i < 40; i++) {
      evil[payloadAt + 2 * i] = 6;
      evil[payloadAt + 2 * i + 1] = 1;
    }
    assertThatThrownBy(() -> ProtocolCodec.decode(evil)).hasMessageContaining("deeper");
  }

  @Property(tries = 2000)
  void randomBytesNeverEscapeValidation(@ForAll byte[] noise) {
    try {
      ProtocolCodec.decode(noise);
    } catch (MalformedMessageException expected) {
      // the only allowed failure
    }
  }

  @Property(tries = 2000)
  void flippedBytesNeverEscapeValidation(@ForAll int position, @ForAll byte value) {
    for (WireMessage m : samples()) {
      byte[] bytes = ProtocolCodec.encode(m);
      bytes[Math.floorMod(position, bytes.length)] = value;
      try {
        ProtocolCodec.decode(bytes);
      } catch (MalformedMessageException expected) {
        // the only allowed failure
      }
    }
  }

  private static void assertRejected(ProtocolMessage m, String reason) {
    assertRejected(new ForScope("s", m), reason);
  }

  private static void assertRejected(WireMessage m, String reason) {
    assertRejected(ProtocolCodec.encode(m), reason);
  }

  private static void assertRejected(byte[] bytes, String reason) {
    assertThatThrownBy(() -> ProtocolCodec.decode(bytes))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining(reason);
  }

  /**
   * {@code m} encoded, with the first occurrence of {@code from} replaced by {@code to} of the same
   * length: a malformed PID, which a {@link Pid} cannot hold, put where the codec reads one.
   */
  private static byte[] withText(WireMessage m, String from, String to) {
    byte[] bytes = ProtocolCodec.encode(m);
    byte[] was = from.getBytes(StandardCharsets.UTF_8);
    byte[] now = to.getBytes(StandardCharsets.UTF_8);
    assertThat(now).hasSameSizeAs(was);
    for (int at = 0; at + was.length <= bytes.length; at++) {
      if (Arrays.equals(bytes, at, at + was.length, was, 0, was.length)) {
        System.arraycopy(now, 0, bytes, at, now.length);
        return bytes;
      }
    }
    throw new AssertionError(from + " is not in the encoding");
  }

  @Example
  void scopeMustBeNamed() {
    byte[] bytes = ProtocolCodec.encode(new ForScope("", new ResyncRequest(1)));
    assertThatThrownBy(() -> ProtocolCodec.decode(bytes)).hasMessageContaining("empty scope");
    assertThat("s".getBytes(StandardCharsets.UTF_8)).hasSize(1);
  }

  /**
   * Found by HostileWireProperties: 16 hex digits with the top bit set passed isPid, then broke the
   * store.
   */
  @Example
  void rejectsAPidWhoseIdDoesNotFitALong() {
    byte[] join =
        HexFormat.of()
            .parseHex(
                "010201730101010001016701227b62406170703a70726f636573736573"
                    + "7c383030303030303030303030303030307d");
    assertThatThrownBy(() -> ProtocolCodec.decode(join))
        .isInstanceOf(MalformedMessageException.class);
    assertThat(Pid.isPid("{b@app:processes|7fffffffffffffff}")).isTrue();
    assertThat(Pid.isPid("{b@app:processes|8000000000000000}")).isFalse();
  }
}
