package dev.procgroups.lua.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The string functions whose result size a script chooses, rewritten so the size is checked ({@link
 * LuaAllocations}) before anything is allocated, and as Lua 5.2 defines them where stock LuaJ 3.0.1
 * differs: {@code rep} takes a separator; {@code upper} and {@code lower} change ASCII letters only
 * (the "C" locale; stock decodes UTF-8 through Java strings, several copies of the string at once);
 * {@code byte} returns at most {@value #MAX_RESULTS} values (Lua 5.2's stack limit, "string slice
 * too long").
 */
final class BoundedStringFunctions {

  /** Lua 5.2's {@code LUAI_MAXSTACK}: no call returns more values. */
  static final int MAX_RESULTS = 1_000_000;

  private BoundedStringFunctions() {}

  /** {@code string.rep(s, n [, sep])}. */
  static LuaValue rep() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaString s = args.checkstring(1);
        // The count as a long: LuaJ's checkint wraps 2^40 to 0, so the bound must not use it.
        long n = args.checklong(2);
        LuaString sep = args.optstring(3, EMPTYSTRING);
        long unit = (long) s.length() + sep.length();
        if (n <= 0 || unit == 0) {
          return EMPTYSTRING;
        }
        if (n > (LuaAllocations.MAX_STRING_BYTES + sep.length()) / unit) {
          throw new LuaError("resulting " + LuaAllocations.TOO_LARGE);
        }
        int total = (int) (n * unit - sep.length());
        byte[] out = LuaAllocations.bytes(total);
        for (int at = 0; ; at += (int) unit) {
          s.copyInto(0, out, at, s.length());
          if (at + s.length() == total) {
            return LuaString.valueUsing(out);
          }
          sep.copyInto(0, out, at + s.length(), sep.length());
        }
      }
    };
  }

  /** {@code string.upper}: ASCII letters only. */
  static LuaValue upper() {
    return sameLength(
        (s, i) -> {
          int b = s.luaByte(i);
          return b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b;
        });
  }

  /** {@code string.lower}: ASCII letters only. */
  static LuaValue lower() {
    return sameLength(
        (s, i) -> {
          int b = s.luaByte(i);
          return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
        });
  }

  /** {@code string.reverse}. */
  static LuaValue reverse() {
    return sameLength((s, i) -> s.luaByte(s.length() - 1 - i));
  }

  /** {@code string.byte(s [, i [, j]])} with Lua 5.2's bound on the number of results. */
  static LuaValue byteValues(LuaValue stock) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        int length = args.checkstring(1).length();
        long first = Math.max(1, position(args.optlong(2, 1), length));
        long last = Math.min(length, position(args.optlong(3, first), length));
        if (last - first >= MAX_RESULTS) {
          throw new LuaError("string slice too long");
        }
        return stock.invoke(args);
      }
    };
  }

  /** Lua 5.2's {@code posrelat}: a negative position counts from the end. */
  private static long position(long position, int length) {
    return position >= 0 ? position : -position > length ? 0 : length + position + 1;
  }

  /** The byte at position {@code i} (from 0) of the result, for a source string {@code s}. */
  @FunctionalInterface
  private interface ByteRule {
    int at(LuaString s, int i);
  }

  private static LuaValue sameLength(ByteRule rule) {
    return new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue arg) {
        LuaString s = arg.checkstring();
        byte[] out = LuaAllocations.bytes(s.length());
        for (int i = 0; i < out.length; i++) {
          out[i] = (byte) rule.at(s, i);
        }
        return LuaString.valueUsing(out);
      }
    };
  }
}
