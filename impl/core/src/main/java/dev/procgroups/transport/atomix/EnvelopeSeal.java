package dev.procgroups.transport.atomix;

import dev.procgroups.transport.NodeId;
import dev.procgroups.transport.auth.ClusterSecret;
import dev.procgroups.transport.auth.MessageAuthenticator;
import dev.procgroups.transport.auth.ReplayGuard;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The authenticated form of {@link Envelope}s for one node: outgoing ones are numbered (per start,
 * increasing) and tagged; incoming ones are accepted only if the tag verifies under the cluster
 * secret, they are addressed to this node, and their number is new from that sender. An envelope to
 * {@link Envelope#ANY_START} (its sender has not heard this node yet) opens for any start of it.
 * {@link #seal} is thread-safe (one outbox sends one batch at a time, so each receiver sees a
 * sender's numbers in order); {@link #open} is confined to the inbound thread.
 */
final class EnvelopeSeal {

  /** What became of one incoming Atomix message. */
  sealed interface Opened {
    /** Authentic, new and for this start: deliver. */
    record Accepted(Envelope envelope) implements Opened {}

    /** Authentic but meant for an earlier start of this node: drop quietly. */
    record Stale() implements Opened {}

    /** Forged, replayed or misaddressed: drop, count, log. {@code claimedSender} is unproven. */
    record Rejected(String claimedSender, String reason) implements Opened {}
  }

  private final NodeId self;
  private final MessageAuthenticator authenticator;
  private final ReplayGuard replays = new ReplayGuard();
  private final AtomicLong sequence = new AtomicLong();

  EnvelopeSeal(NodeId self, ClusterSecret secret) {
    this.self = self;
    this.authenticator = new MessageAuthenticator(secret);
  }

  /** Numbers and tags one batch for {@code to}. */
  byte[] seal(NodeId to, Envelope.Kind kind, List<byte[]> messages) {
    return seal(to, kind, List.of(), messages);
  }

  /** Numbers and tags one batch for {@code to}, vouching for {@code addresses}. */
  byte[] seal(NodeId to, Envelope.Kind kind, List<SeedMember> addresses, List<byte[]> messages) {
    Envelope envelope =
        new Envelope(self, to, sequence.incrementAndGet(), kind, addresses, messages);
    return authenticator.seal(envelope.encode());
  }

  /**
   * Opens one incoming message; a sender name {@code mayClaim} refuses (one its connection's TLS
   * certificate does not give) is rejected before its number is recorded, so a certified party
   * claiming another node's name cannot move that node's replay window either.
   */
  Opened open(byte[] payload, Predicate<String> mayClaim) {
    Optional<byte[]> body = authenticator.open(payload);
    if (body.isEmpty()) {
      return new Opened.Rejected(
          claimedSender(payload), "authentication failed (another cluster secret?)");
    }
    Envelope envelope;
    try {
      envelope = Envelope.decode(body.get());
    } catch (IllegalArgumentException e) {
      return new Opened.Rejected("an authenticated sender", "malformed: " + e.getMessage());
    }
    NodeId from = envelope.from();
    if (!envelope.to().name().equals(self.name())) {
      return new Opened.Rejected(from.name(), "addressed to " + envelope.to().name());
    }
    if (!mayClaim.test(from.name())) {
      return new Opened.Rejected(from.name(), "its TLS certificate does not name it");
    }
    long toStart = envelope.to().incarnation();
    if (toStart != Envelope.ANY_START && toStart != self.incarnation()) {
      return new Opened.Stale();
    }
    if (!replays.accept(from.name(), from.incarnation(), envelope.sequence())) {
      return new Opened.Rejected(
          from.name(), "replayed or out of date: message " + envelope.sequence() + " of " + from);
    }
    return new Opened.Accepted(envelope);
  }

  /** Who an unauthenticated message claims to be from, for the log only. */
  private static String claimedSender(byte[] payload) {
    if (payload.length >= MessageAuthenticator.TAG_BYTES) {
      try {
        byte[] body = Arrays.copyOf(payload, payload.length - MessageAuthenticator.TAG_BYTES);
        return Envelope.decode(body).from().name();
      } catch (IllegalArgumentException e) {
        // not even an envelope
      }
    }
    return "an unknown sender";
  }
}
