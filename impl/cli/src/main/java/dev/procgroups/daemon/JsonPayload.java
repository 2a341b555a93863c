package dev.procgroups.daemon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A payload as Jackson read it, made into values pg can copy (integers become longs). */
final class JsonPayload {
  private JsonPayload() {}

  static Object toPg(Object json) {
    if (json instanceof Integer || json instanceof Short || json instanceof Byte) {
      return ((Number) json).longValue();
    }
    if (json instanceof java.math.BigInteger b) {
      return b.longValue();
    }
    if (json instanceof java.math.BigDecimal d) {
      return d.doubleValue();
    }
    if (json instanceof List<?> list) {
      return list.stream().map(JsonPayload::toPg).toList();
    }
    if (json instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), toPg(v)));
      return out;
    }
    return json;
  }
}
