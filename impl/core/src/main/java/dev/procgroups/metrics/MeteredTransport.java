package dev.procgroups.metrics;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.PeerEvent;
import dev.procgroups.transport.Transport;
import io.micrometer.core.instrument.Counter;
import java.util.function.Consumer;

/**
 * A {@link Transport} that counts what passes through it: protocol messages out and in, and the
 * failure detector's verdicts (peer up, peer down). Counting here needs no hook in the layers above
 * or below.
 */
final class MeteredTransport implements Transport {
  private final Transport delegate;
  private final Counter sent;
  private final Counter received;
  private final Counter peersUp;
  private final Counter peersDown;

  MeteredTransport(
      Transport delegate, Counter sent, Counter received, Counter peersUp, Counter peersDown) {
    this.delegate = delegate;
    this.sent = sent;
    this.received = received;
    this.peersUp = peersUp;
    this.peersDown = peersDown;
  }

  @Override
  public NodeId self() {
    return delegate.self();
  }

  @Override
  public void send(NodeId to, byte[] message) {
    sent.increment();
    delegate.send(to, message);
  }

  @Override
  public void onMessage(MessageHandler handler) {
    delegate.onMessage(
        (from, message) -> {
          received.increment();
          handler.handle(from, message);
        });
  }

  @Override
  public void onPeerEvent(Consumer<PeerEvent> listener) {
    delegate.onPeerEvent(
        event -> {
          (event instanceof PeerEvent.Up ? peersUp : peersDown).increment();
          listener.accept(event);
        });
  }

  @Override
  public void close() {
    delegate.close();
  }
}
