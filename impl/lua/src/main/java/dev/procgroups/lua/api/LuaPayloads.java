package dev.procgroups.lua.api;

import dev.procgroups.lua.sandbox.LuaJPatch;
import dev.procgroups.lua.sandbox.LuaNumberFormat;
import dev.procgroups.pg.PayloadSize;
import dev.procgroups.process.Limits;
import dev.procgroups.process.Pid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua values to payload values and back (docs/DECISIONS.md copy rules). Lua to Java: nil → null,
 * booleans, strings (UTF-8), numbers → {@link Long} when integral and exact (|v| ≤ 2^53, not -0.0)
 * else {@link Double}, a table with keys exactly 1..n → unmodifiable {@link List}, a table with
 * only string keys → unmodifiable {@link Map} in iteration order; the empty table → empty list.
 * Nesting at most {@link Limits#MAX_PAYLOAD_DEPTH} tables deep, no cycles, at most 1 MiB encoded
 * ({@link PayloadSize}); anything else → {@link PayloadException}. Java to Lua: the reverse; a
 * {@link Pid} becomes its string; a long beyond 2^53 loses precision (Lua 5.2 numbers are doubles:
 * large IDs travel as strings).
 */
public final class LuaPayloads {

  private static final double EXACT_LIMIT = 9007199254740992d; // 2^53

  static {
    LuaJPatch.ensureInstalled();
  }

  private LuaPayloads() {}

  /** One Lua value as a payload value. */
  public static Object toJava(LuaValue value) {
    return toJava(value, 0, new Copy());
  }

  /**
   * The Lua values from position {@code first} on, each converted, for a send or broadcast (which
   * packs them: none → null, one → that value, several → a list).
   */
  public static Object[] toJava(Varargs values, int first) {
    int n = Math.max(0, values.narg() - first + 1);
    Object[] out = new Object[n];
    Copy copy = new Copy(); // the values travel together: one bound for all
    for (int i = 0; i < n; i++) {
      out[i] = toJava(values.arg(first + i), 0, copy);
    }
    return out;
  }

  private static Object toJava(LuaValue value, int depth, Copy copy) {
    copy.charge(1); // the tag
    switch (value.type()) {
      case LuaValue.TNIL:
        return null;
      case LuaValue.TBOOLEAN:
        return value.toboolean();
      case LuaValue.TNUMBER:
        return number(value.todouble());
      case LuaValue.TSTRING:
        copy.charge(value.length()); // before the copy is made
        return value.tojstring();
      case LuaValue.TTABLE:
        return table((LuaTable) value, depth + 1, copy);
      default:
        throw new PayloadException("cannot copy a " + value.typename());
    }
  }

  private static Object number(double d) {
    boolean exactInteger =
        d == Math.rint(d)
            && Math.abs(d) <= EXACT_LIMIT
            && !(d == 0 && LuaNumberFormat.isNegative(d));
    return exactInteger ? (Object) (long) d : (Object) d;
  }

  private static Object table(LuaTable table, int depth, Copy copy) {
    Set<LuaValue> path = copy.path;
    if (depth > Limits.MAX_PAYLOAD_DEPTH) {
      throw new PayloadException("nested deeper than " + Limits.MAX_PAYLOAD_DEPTH);
    }
    if (!path.add(table)) {
      throw new PayloadException("a table contains itself");
    }
    try {
      int count = 0;
      boolean stringKeys = true;
      boolean indexKeys = true;
      double maxIndex = 0;
      LuaValue key = LuaValue.NIL;
      while (!(key = table.next(key).arg1()).isnil()) {
        count++;
        stringKeys &= key.type() == LuaValue.TSTRING;
        boolean index =
            key.type() == LuaValue.TNUMBER
                && key.todouble() >= 1
                && key.todouble() == Math.rint(key.todouble());
        indexKeys &= index;
        maxIndex = index ? Math.max(maxIndex, key.todouble()) : maxIndex;
      }
      // count distinct positive integer keys, the largest being count: exactly 1..count.
      if (indexKeys && maxIndex == count) {
        List<Object> list = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
          list.add(toJava(table.rawget(i), depth, copy));
        }
        return Collections.unmodifiableList(list);
      }
      if (!stringKeys) {
        throw new PayloadException("a table must be a list (keys 1..n) or have only string keys");
      }
      Map<String, Object> map = new LinkedHashMap<>();
      Varargs entry;
      key = LuaValue.NIL;
      while (!(key = (entry = table.next(key)).arg1()).isnil()) {
        copy.charge(key.length());
        map.put(key.tojstring(), toJava(entry.arg(2), depth, copy));
      }
      return Collections.unmodifiableMap(map);
    } finally {
      path.remove(table);
    }
  }

  /**
   * One conversion to Java: the tables on the current path (a table containing itself is refused)
   * and a lower bound of the encoded size so far, which fails the conversion as soon as it passes
   * the payload bound ({@link Limits#MAX_PAYLOAD_BYTES}): a table holding one 64 MiB string a
   * thousand times would otherwise be copied into 64 GiB of Java strings before the size check.
   */
  private static final class Copy {
    final Set<LuaValue> path = Collections.newSetFromMap(new IdentityHashMap<>());
    private long bytes;

    void charge(long more) {
      bytes += more;
      if (bytes > Limits.MAX_PAYLOAD_BYTES) {
        throw new PayloadException(PayloadSize.TOO_LARGE);
      }
    }
  }

  /** A payload value as a Lua value. */
  public static LuaValue toLua(Object value) {
    return toLua(value, 0);
  }

  private static LuaValue toLua(Object value, int depth) {
    if (value == null) {
      return LuaValue.NIL;
    }
    if (value instanceof Boolean b) {
      return LuaValue.valueOf(b);
    }
    if (value instanceof String s) {
      return LuaValue.valueOf(s);
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      long n = ((Number) value).longValue();
      return n == (int) n ? LuaValue.valueOf((int) n) : LuaValue.valueOf((double) n);
    }
    if (value instanceof Double || value instanceof Float) {
      return LuaValue.valueOf(((Number) value).doubleValue());
    }
    if (value instanceof Pid pid) {
      return LuaValue.valueOf(pid.toString());
    }
    if (depth >= Limits.MAX_PAYLOAD_DEPTH) {
      throw new PayloadException("nested deeper than " + Limits.MAX_PAYLOAD_DEPTH);
    }
    if (value instanceof List<?> list) {
      LuaTable table = new LuaTable(list.size(), 0);
      for (int i = 0; i < list.size(); i++) {
        table.rawset(i + 1, toLua(list.get(i), depth + 1));
      }
      return table;
    }
    if (value instanceof Map<?, ?> map) {
      LuaTable table = new LuaTable(0, map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new PayloadException("map key is not a string: " + e.getKey());
        }
        table.rawset(key, toLua(e.getValue(), depth + 1));
      }
      return table;
    }
    throw new PayloadException("cannot copy a " + value.getClass().getName());
  }
}
