package dev.procgroups.replication;

import dev.procgroups.process.Limits;
import dev.procgroups.process.Pid;
import dev.procgroups.replication.ProtocolMessage.Change;
import dev.procgroups.replication.ProtocolMessage.Deltas;
import dev.procgroups.replication.ProtocolMessage.Digest;
import dev.procgroups.replication.ProtocolMessage.Patch;
import dev.procgroups.replication.ProtocolMessage.Probe;
import dev.procgroups.replication.ProtocolMessage.ProbeAck;
import dev.procgroups.replication.ProtocolMessage.ResyncRequest;
import dev.procgroups.replication.ProtocolMessage.Sync;
import dev.procgroups.replication.WireMessage.Delivery;
import dev.procgroups.replication.WireMessage.ForScope;
import dev.procgroups.store.StoreChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of {@link WireMessage}s: a version byte, a type byte, the scope for replication
 * messages, then the fields as unsigned varints and length-prefixed UTF-8. Decoding checks every
 * field (ranges, sizes, counts against the bytes left, PID syntax, no trailing bytes) and rejects
 * the whole message on the first violation.
 */
public final class ProtocolCodec {
  /** Largest accepted message; a full sync of a big scope fits, a runaway one does not. */
  public static final int MAX_MESSAGE_BYTES = 256 << 20;

  static final int MAX_PID_BYTES = 512;

  private static final int VERSION = 1;
  private static final int SYNC = 1;
  private static final int DELTAS = 2;
  private static final int DIGEST = 3;
  private static final int RESYNC_REQUEST = 4;
  private static final int DELIVERY = 5;
  private static final int PROBE = 6;
  private static final int PROBE_ACK = 7;
  private static final int RESYNC_FROM = 8;
  private static final int PATCH = 9;

  private ProtocolCodec() {}

  /**
   * Whether {@code bytes} claim to be a {@link Delivery}, from the type byte only (no decoding).
   */
  public static boolean isDelivery(byte[] bytes) {
    return bytes.length > 1 && bytes[1] == DELIVERY;
  }

  public static byte[] encode(WireMessage wire) {
    WireWriter out = new WireWriter();
    out.writeByte(VERSION);
    if (wire instanceof Delivery d) {
      out.writeByte(DELIVERY);
      out.writeVarLong(d.incarnation());
      out.writeVarLong(d.number());
      out.writeString(d.sender().toString());
      out.writeString(d.topic());
      PayloadCodec.write(out, d.payload(), 0);
      writePids(out, d.targets());
    } else {
      ForScope f = (ForScope) wire;
      encodeScoped(out, f.scope(), f.message());
    }
    return out.toByteArray();
  }

  private static void encodeScoped(WireWriter out, String scope, ProtocolMessage m) {
    if (m instanceof Sync s) {
      out.writeByte(SYNC);
      out.writeString(scope);
      out.writeVarLong(s.incarnation());
      out.writeVarLong(s.seq());
      writeGroups(out, s.pidsByGroup());
    } else if (m instanceof Deltas d) {
      out.writeByte(DELTAS);
      out.writeString(scope);
      out.writeVarLong(d.incarnation());
      out.writeVarLong(d.firstSeq());
      out.writeVarLong(d.changes().size());
      for (Change c : d.changes()) {
        out.writeByte(c.direction().ordinal());
        writeGroups(out, c.pidsByGroup());
      }
    } else if (m instanceof Digest g) {
      out.writeByte(DIGEST);
      out.writeString(scope);
      out.writeVarLong(g.incarnation());
      out.writeVarLong(g.seq());
      out.writeVarLong(g.hash());
    } else if (m instanceof ResyncRequest r) {
      out.writeByte(r.hasBase() ? RESYNC_FROM : RESYNC_REQUEST);
      out.writeString(scope);
      out.writeVarLong(r.incarnation());
      if (r.hasBase()) {
        out.writeVarLong(r.baseSeq());
        out.writeVarLong(r.baseHash());
      }
    } else if (m instanceof Patch p) {
      out.writeByte(PATCH);
      out.writeString(scope);
      out.writeVarLong(p.incarnation());
      out.writeVarLong(p.baseSeq());
      out.writeVarLong(p.seq());
      out.writeVarLong(p.hash());
      writeGroups(out, p.leaves());
      writeGroups(out, p.joins());
    } else if (m instanceof Probe p) {
      out.writeByte(PROBE);
      out.writeString(scope);
      out.writeVarLong(p.incarnation());
      out.writeVarLong(p.token());
    } else if (m instanceof ProbeAck a) {
      out.writeByte(PROBE_ACK);
      out.writeString(scope);
      out.writeVarLong(a.incarnation());
      out.writeVarLong(a.token());
      out.writeVarLong(a.appliedSeq());
    }
  }

  /**
   * A decoded message and, for a {@link Delivery}, its payload's encoded size (the mailbox's
   * charge, {@code EncodedSize}), measured while reading it so that nobody sizes it again.
   */
  public record Decoded(WireMessage message, long payloadBytes) {}

  public static WireMessage decode(byte[] bytes) throws MalformedMessageException {
    return decodeMeasured(bytes).message();
  }

  public static Decoded decodeMeasured(byte[] bytes) throws MalformedMessageException {
    if (bytes == null || bytes.length > MAX_MESSAGE_BYTES) {
      throw new MalformedMessageException("message missing or too large");
    }
    WireReader in = new WireReader(bytes);
    int version = in.readByte();
    if (version != VERSION) {
      throw new MalformedMessageException("unknown version " + version);
    }
    int type = in.readByte();
    String scope = type == DELIVERY ? null : readName(in, "scope");
    long incarnation = in.readBounded(Long.MAX_VALUE, "incarnation");
    if (incarnation == 0) {
      throw new MalformedMessageException("incarnation must be positive");
    }
    ProtocolMessage m;
    switch (type) {
      case SYNC:
        m = new Sync(incarnation, in.readBounded(Long.MAX_VALUE, "seq"), readGroups(in));
        break;
      case DELTAS:
        m = readDeltas(in, incarnation);
        break;
      case DIGEST:
        m = new Digest(incarnation, in.readBounded(Long.MAX_VALUE, "seq"), in.readVarLong());
        break;
      case RESYNC_REQUEST:
        m = new ResyncRequest(incarnation);
        break;
      case RESYNC_FROM:
        m =
            new ResyncRequest(
                incarnation, in.readBounded(Long.MAX_VALUE, "base seq"), in.readVarLong());
        break;
      case PATCH:
        m = readPatch(in, incarnation);
        break;
      case PROBE:
        m = new Probe(incarnation, in.readBounded(Long.MAX_VALUE, "token"));
        break;
      case PROBE_ACK:
        m =
            new ProbeAck(
                incarnation,
                in.readBounded(Long.MAX_VALUE, "token"),
                in.readBounded(Long.MAX_VALUE, "applied seq"));
        break;
      case DELIVERY:
        {
          long number = in.readBounded(Long.MAX_VALUE, "delivery number");
          Pid sender = readPid(in);
          String topic = readName(in, "topic");
          int payloadStart = in.position();
          Object payload = PayloadCodec.read(in, 0);
          long payloadBytes = in.position() - payloadStart;
          Delivery d =
              new Delivery(incarnation, number, sender, topic, payload, readPids(in, false));
          in.expectEnd();
          return new Decoded(d, payloadBytes);
        }
      default:
        throw new MalformedMessageException("unknown message type " + type);
    }
    in.expectEnd();
    return new Decoded(new ForScope(scope, m), 0);
  }

  private static Deltas readDeltas(WireReader in, long incarnation)
      throws MalformedMessageException {
    long firstSeq = in.readBounded(Long.MAX_VALUE, "first seq");
    if (firstSeq == 0) {
      throw new MalformedMessageException("change numbers start at 1");
    }
    int n = in.readCount(Integer.MAX_VALUE, "change");
    if (n == 0) {
      throw new MalformedMessageException("empty delta batch");
    }
    if (firstSeq > Long.MAX_VALUE - n) {
      throw new MalformedMessageException("change numbers overflow");
    }
    List<Change> changes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int dir = in.readByte();
      if (dir >= StoreChange.Direction.values().length) {
        throw new MalformedMessageException("unknown direction " + dir);
      }
      Map<String, List<Pid>> groups = readGroups(in);
      if (groups.isEmpty()) {
        throw new MalformedMessageException("change without groups");
      }
      changes.add(new Change(StoreChange.Direction.values()[dir], groups));
    }
    return new Deltas(incarnation, firstSeq, Collections.unmodifiableList(changes));
  }

  private static Patch readPatch(WireReader in, long incarnation) throws MalformedMessageException {
    long baseSeq = in.readBounded(Long.MAX_VALUE, "base seq");
    long seq = in.readBounded(Long.MAX_VALUE, "seq");
    if (seq < baseSeq) {
      throw new MalformedMessageException("a patch ends before its base");
    }
    long hash = in.readVarLong();
    return new Patch(incarnation, baseSeq, seq, hash, readGroups(in), readGroups(in));
  }

  private static void writeGroups(WireWriter out, Map<String, List<Pid>> pidsByGroup) {
    out.writeVarLong(pidsByGroup.size());
    for (Map.Entry<String, List<Pid>> e : pidsByGroup.entrySet()) {
      out.writeString(e.getKey());
      writePids(out, e.getValue());
    }
  }

  private static void writePids(WireWriter out, List<Pid> pids) {
    out.writeVarLong(pids.size());
    for (Pid pid : pids) {
      out.writeString(pid.toString());
    }
  }

  private static Map<String, List<Pid>> readGroups(WireReader in) throws MalformedMessageException {
    int n = in.readCount(Integer.MAX_VALUE, "group");
    if (n == 1) { // one call's change in one group: most deltas
      String group = readName(in, "group");
      return Map.of(group, readPids(in, true));
    }
    Map<String, List<Pid>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String group = readName(in, "group");
      if (groups.put(group, readPids(in, true)) != null) {
        throw new MalformedMessageException("group repeated: " + group);
      }
    }
    return Collections.unmodifiableMap(groups);
  }

  private static List<Pid> readPids(WireReader in, boolean nonEmpty)
      throws MalformedMessageException {
    int n = in.readCount(Integer.MAX_VALUE, "pid");
    if (nonEmpty && n == 0) {
      throw new MalformedMessageException("group without pids");
    }
    if (n == 1) {
      return List.of(readPid(in));
    }
    List<Pid> pids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pids.add(readPid(in));
    }
    return Collections.unmodifiableList(pids);
  }

  /** The one place a PID is parsed from the wire (and {@link #writePids} the one it is written). */
  private static Pid readPid(WireReader in) throws MalformedMessageException {
    String text = in.readString(MAX_PID_BYTES, "pid");
    try {
      return Pid.parse(text); // checks the syntax as it goes: one scan
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("not a pid: " + text);
    }
  }

  private static String readName(WireReader in, String what) throws MalformedMessageException {
    String name = in.readString(Limits.MAX_NAME_BYTES, what);
    if (name.isEmpty()) {
      throw new MalformedMessageException("empty " + what);
    }
    return name;
  }
}
