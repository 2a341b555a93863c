package dev.procgroups.props.hostile;

import dev.procgroups.process.Pid;
import dev.procgroups.replication.ProtocolCodec;
import dev.procgroups.replication.ProtocolMessage;
import dev.procgroups.replication.WireMessage;
import dev.procgroups.store.StoreChange.Direction;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Valid encoded messages from peer {@code b} to node {@code a}: the raw material for mutations. */
final class Messages {
  private Messages() {}

  static Pid peerPid(int n) {
    return pid("b", n);
  }

  private static Pid pid(String node, int n) {
    return new Pid(node, "app:processes", (1 << 24) + n);
  }

  static Arbitrary<byte[]> encoded() {
    return wire().map(ProtocolCodec::encode);
  }

  private static Arbitrary<WireMessage> wire() {
    return Arbitraries.frequencyOf(
        List.of(
            weighted(3, sync()),
            weighted(4, deltas()),
            weighted(2, digest()),
            weighted(1, resync()),
            weighted(1, resyncFrom()),
            weighted(2, patch()),
            weighted(2, delivery())));
  }

  private static Tuple.Tuple2<Integer, Arbitrary<WireMessage>> weighted(
      int weight, Arbitrary<? extends WireMessage> a) {
    return Tuple.of(weight, a.map(w -> (WireMessage) w));
  }

  private static Arbitrary<Long> incarnation() {
    return Arbitraries.frequency(Tuple.of(9, 1L), Tuple.of(1, 2L));
  }

  private static Arbitrary<WireMessage.ForScope> sync() {
    return Combinators.combine(incarnation(), Arbitraries.longs().between(0, 6), groups())
        .as((inc, seq, groups) -> scoped(new ProtocolMessage.Sync(inc, seq, groups)));
  }

  private static Arbitrary<WireMessage.ForScope> deltas() {
    Arbitrary<ProtocolMessage.Change> change =
        Combinators.combine(Arbitraries.of(Direction.class), groups().filter(g -> !g.isEmpty()))
            .as(ProtocolMessage.Change::new);
    return Combinators.combine(
            incarnation(),
            Arbitraries.longs().between(1, 6),
            change.list().ofMinSize(1).ofMaxSize(3))
        .as((inc, first, changes) -> scoped(new ProtocolMessage.Deltas(inc, first, changes)));
  }

  private static Arbitrary<WireMessage.ForScope> digest() {
    return Combinators.combine(
            incarnation(), Arbitraries.longs().between(0, 6), Arbitraries.longs())
        .as((inc, seq, hash) -> scoped(new ProtocolMessage.Digest(inc, seq, hash)));
  }

  private static Arbitrary<WireMessage.ForScope> resync() {
    return incarnation().map(inc -> scoped(new ProtocolMessage.ResyncRequest(inc)));
  }

  private static Arbitrary<WireMessage.ForScope> resyncFrom() {
    return Combinators.combine(
            incarnation(), Arbitraries.longs().between(0, 6), Arbitraries.longs())
        .as((inc, seq, hash) -> scoped(new ProtocolMessage.ResyncRequest(inc, seq, hash)));
  }

  private static Arbitrary<WireMessage.ForScope> patch() {
    return Combinators.combine(
            incarnation(),
            Arbitraries.longs().between(0, 3),
            Arbitraries.longs().between(0, 3),
            Arbitraries.longs(),
            groups(),
            groups())
        .as(
            (inc, base, more, hash, leaves, joins) ->
                scoped(new ProtocolMessage.Patch(inc, base, base + more, hash, leaves, joins)));
  }

  private static Arbitrary<WireMessage.Delivery> delivery() {
    return Combinators.combine(
            incarnation(),
            Arbitraries.longs().between(1, 6),
            Arbitraries.of("t", "topic"),
            payload(3),
            pids("a").list().ofMaxSize(3))
        .as(
            (inc, n, topic, payload, targets) ->
                new WireMessage.Delivery(inc, n, peerPid(0), topic, payload, targets));
  }

  private static WireMessage.ForScope scoped(ProtocolMessage m) {
    return new WireMessage.ForScope(HostileReceiver.SCOPE, m);
  }

  /** Mostly the peer's own PIDs; now and then one of another node, which must be refused. */
  private static Arbitrary<Map<String, List<Pid>>> groups() {
    Arbitrary<Pid> pid =
        Arbitraries.frequencyOf(List.of(Tuple.of(9, pids("b")), Tuple.of(1, pids("c"))));
    return Arbitraries.maps(Arbitraries.of("g", "h", "k"), pid.list().ofMinSize(1).ofMaxSize(3))
        .ofMaxSize(3);
  }

  private static Arbitrary<Pid> pids(String node) {
    return Arbitraries.integers().between(0, 3).map(n -> pid(node, n));
  }

  private static Arbitrary<Object> payload(int depth) {
    Arbitrary<Object> leaf =
        Arbitraries.oneOf(
            Arbitraries.just(null),
            Arbitraries.of(true, false),
            Arbitraries.longs(),
            Arbitraries.doubles(),
            Arbitraries.strings().ofMaxLength(8));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Object> inner = payload(depth - 1);
    return Arbitraries.oneOf(
        leaf,
        inner.list().ofMaxSize(3).map(l -> (Object) l),
        Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(3), inner)
            .ofMaxSize(3)
            .map(m -> (Object) m));
  }
}
