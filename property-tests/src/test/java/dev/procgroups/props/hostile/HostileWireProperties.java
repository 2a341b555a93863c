package dev.procgroups.props.hostile;

import dev.procgroups.props.node.TryCount;
import dev.procgroups.replication.MalformedMessageException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 7, hostile input: streams of valid, damaged and random messages from peer {@code b} to node
 * {@code a}. Nothing but {@link MalformedMessageException} leaves the decoder, nothing but it
 * leaves the cores or the store, and a rejected message leaves the core's and the store's state as
 * it was ({@link HostileReceiver}). 1,000 streams of up to 30 messages by default; {@code
 * -Dprocgroups.tries=N} for more.
 */
class HostileWireProperties {

  @Property
  @AddLifecycleHook(TryCount.class)
  void damagedMessagesAreRejectedCleanly(@ForAll("streams") List<byte[]> messages)
      throws MalformedMessageException {
    HostileReceiver node = new HostileReceiver();
    for (byte[] m : messages) {
      node.receive(m);
    }
    Statistics.label("accepted").collect(node.accepted > 0);
    Statistics.label("rejected").collect(node.rejected > 0);
  }

  @Provide
  Arbitrary<List<byte[]>> streams() {
    return Combinators.combine(Messages.encoded(), mutations())
        .as((valid, m) -> m.apply(valid))
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }

  private static Arbitrary<WireMutation> mutations() {
    return Combinators.combine(
            Arbitraries.frequency(
                Tuple.of(3, WireMutation.Kind.NONE),
                Tuple.of(4, WireMutation.Kind.FLIP_BITS),
                Tuple.of(2, WireMutation.Kind.TRUNCATE),
                Tuple.of(2, WireMutation.Kind.EXTEND),
                Tuple.of(2, WireMutation.Kind.HUGE_VARINT),
                Tuple.of(2, WireMutation.Kind.OVERWRITE_EXTREME),
                Tuple.of(1, WireMutation.Kind.RANDOM_BODY),
                Tuple.of(1, WireMutation.Kind.RANDOM_BYTES)),
            Arbitraries.integers(),
            Arbitraries.longs(),
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40))
        .as(WireMutation::new);
  }
}
