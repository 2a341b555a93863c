package dev.procgroups.replication;

import dev.procgroups.process.Limits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broadcast payloads on the wire: nil, booleans, longs, doubles, strings, lists and string-keyed
 * maps of these, nested at most {@link Limits#MAX_PAYLOAD_DEPTH} deep (docs/DECISIONS.md). Decoded
 * lists and maps are unmodifiable; integers of any width come back as {@link Long}.
 */
final class PayloadCodec {
  static final int MAX_STRING_BYTES = 16 << 20;

  private static final int NIL = 0;
  private static final int FALSE = 1;
  private static final int TRUE = 2;
  private static final int LONG = 3;
  private static final int DOUBLE = 4;
  private static final int STRING = 5;
  private static final int LIST = 6;
  private static final int MAP = 7;

  private PayloadCodec() {}

  static void write(WireWriter out, Object value, int depth) {
    if (depth > Limits.MAX_PAYLOAD_DEPTH) {
      throw new IllegalArgumentException("payload nested deeper than " + Limits.MAX_PAYLOAD_DEPTH);
    }
    if (value == null) {
      out.writeByte(NIL);
    } else if (value instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      out.writeByte(LONG);
      long v = ((Number) value).longValue();
      out.writeVarLong((v << 1) ^ (v >> 63)); // zigzag: small negatives stay short
    } else if (value instanceof Double || value instanceof Float) {
      out.writeByte(DOUBLE);
      out.writeDouble(((Number) value).doubleValue());
    } else if (value instanceof String s) {
      out.writeByte(STRING);
      out.writeString(s);
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeVarLong(list.size());
      for (Object item : list) {
        write(out, item, depth + 1);
      }
    } else if (value instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      out.writeVarLong(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("payload map key is not a string: " + e.getKey());
        }
        out.writeString(key);
        write(out, e.getValue(), depth + 1);
      }
    } else {
      throw new IllegalArgumentException("payload value cannot be copied: " + value.getClass());
    }
  }

  static Object read(WireReader in, int depth) throws MalformedMessageException {
    if (depth > Limits.MAX_PAYLOAD_DEPTH) {
      throw new MalformedMessageException("payload nested deeper than " + Limits.MAX_PAYLOAD_DEPTH);
    }
    int tag = in.readByte();
    switch (tag) {
      case NIL:
        return null;
      case FALSE:
        return Boolean.FALSE;
      case TRUE:
        return Boolean.TRUE;
      case LONG:
        {
          long z = in.readVarLong();
          return (z >>> 1) ^ -(z & 1);
        }
      case DOUBLE:
        return in.readDouble();
      case STRING:
        return in.readString(MAX_STRING_BYTES, "payload string");
      case LIST:
        {
          int n = in.readCount(Integer.MAX_VALUE, "payload list");
          List<Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(read(in, depth + 1));
          }
          return Collections.unmodifiableList(list);
        }
      case MAP:
        {
          int n = in.readCount(Integer.MAX_VALUE, "payload map");
          Map<String, Object> map = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            String key = in.readString(MAX_STRING_BYTES, "payload key");
            if (map.containsKey(key)) {
              throw new MalformedMessageException("payload map repeats key " + key);
            }
            map.put(key, read(in, depth + 1));
          }
          return Collections.unmodifiableMap(map);
        }
      default:
        throw new MalformedMessageException("unknown payload tag " + tag);
    }
  }
}
