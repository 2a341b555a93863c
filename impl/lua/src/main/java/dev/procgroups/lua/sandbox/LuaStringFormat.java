package dev.procgroups.lua.sandbox;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code string.format} as Lua 5.2 does it (LuaJ 3.0.1 ignores {@code %.2f} precision, wraps {@code
 * %d} at 2^31 and rejects non-strings for {@code %s}). Works on bytes: Lua strings are byte
 * strings. Conversions: {@code c d i o u x X e E f g G a A q s} and {@code %%}; flags {@code -+
 * #0}; width and precision of at most two digits each.
 */
public final class LuaStringFormat extends VarArgFunction {

  private static final String FLAGS = "-+ #0";

  @Override
  public Varargs invoke(Varargs args) {
    LuaString format = args.checkstring(1);
    LuaStringBuilder out = new LuaStringBuilder(format.length() + 16);
    int arg = 1;
    int i = 0;
    while (i < format.length()) {
      int c = format.luaByte(i++);
      if (c != '%') {
        out.write(c);
      } else if (i < format.length() && format.luaByte(i) == '%') {
        out.write('%');
        i++;
      } else {
        Spec spec = new Spec();
        i = spec.parse(format, i);
        arg++;
        if (arg > args.narg()) {
          throw argError(arg, "no value");
        }
        spec.convert(args.arg(arg), arg, out);
      }
    }
    return out.toLuaString();
  }

  /** {@code luaL_tolstring}: the {@code __tostring} metamethod, else the value's own text. */
  public static LuaString toLuaString(LuaValue value) {
    LuaValue handler = value.metatag(LuaValue.TOSTRING);
    if (!handler.isnil()) {
      LuaValue text = handler.call(value);
      if (!text.isstring()) {
        throw new LuaError("'__tostring' must return a string");
      }
      return text.strvalue();
    }
    return value.type() == LuaValue.TSTRING || value.isnumber()
        ? value.strvalue()
        : LuaString.valueOf(value.tojstring());
  }

  static LuaError argError(int arg, String message) {
    return new LuaError("bad argument #" + arg + " to 'format' (" + message + ")");
  }

  /** One conversion specification: {@code %[flags][width][.precision]conversion}. */
  private static final class Spec {
    boolean left;
    boolean plus;
    boolean space;
    boolean alternate;
    boolean zero;
    int width;
    int precision = -1;
    char conversion;

    int parse(LuaString format, int start) {
      int i = start;
      while (i < format.length() && FLAGS.indexOf(format.luaByte(i)) >= 0) {
        setFlag((char) format.luaByte(i++));
      }
      if (i - start > FLAGS.length()) {
        throw new LuaError("invalid format (repeated flags)");
      }
      int[] cursor = {i};
      width = digits(format, cursor);
      if (cursor[0] < format.length() && format.luaByte(cursor[0]) == '.') {
        cursor[0]++;
        precision = digits(format, cursor);
      }
      i = cursor[0];
      if (i >= format.length()) {
        throw new LuaError("invalid option '%' to 'format'");
      }
      conversion = (char) format.luaByte(i);
      return i + 1;
    }

    private void setFlag(char flag) {
      switch (flag) {
        case '-' -> left = true;
        case '+' -> plus = true;
        case ' ' -> space = true;
        case '#' -> alternate = true;
        default -> zero = true;
      }
    }

    private static int digits(LuaString format, int[] cursor) {
      int value = 0;
      int count = 0;
      while (cursor[0] < format.length() && Character.isDigit(format.luaByte(cursor[0]))) {
        value = value * 10 + format.luaByte(cursor[0]++) - '0';
        if (++count > 2) {
          throw new LuaError("invalid format (width or precision too long)");
        }
      }
      return value;
    }

    void convert(LuaValue value, int arg, ByteArrayOutputStream out) {
      switch (conversion) {
        case 'c' -> write(out, pad("", String.valueOf((char) (integer(value, arg) & 0xff)), false));
        case 'd', 'i' -> writeSigned(out, integer(value, arg));
        case 'o', 'u', 'x', 'X' -> writeUnsigned(out, integer(value, arg));
        case 'e', 'E', 'f', 'g', 'G', 'a', 'A' -> writeFloat(out, number(value, arg));
        case 'q' -> quote(value.checkstring(), out);
        case 's' -> writeString(out, toLuaString(value));
        default -> throw new LuaError("invalid option '%" + conversion + "' to 'format'");
      }
    }

    private void writeSigned(ByteArrayOutputStream out, long n) {
      String magnitude = n < 0 ? Long.toUnsignedString(-n) : Long.toString(n);
      write(out, pad(sign(n < 0), minimumDigits(magnitude), precision < 0));
    }

    private void writeUnsigned(ByteArrayOutputStream out, long n) {
      String digits =
          switch (conversion) {
            case 'o' -> Long.toOctalString(n);
            case 'x' -> Long.toHexString(n);
            case 'X' -> Long.toHexString(n).toUpperCase(java.util.Locale.ROOT);
            default -> Long.toUnsignedString(n);
          };
      String prefix =
          !alternate || n == 0
              ? ""
              : switch (conversion) {
                case 'o' -> "0";
                case 'x' -> "0x";
                case 'X' -> "0X";
                default -> "";
              };
      write(out, pad(prefix, minimumDigits(digits), precision < 0));
    }

    private void writeFloat(ByteArrayOutputStream out, double d) {
      boolean upper = Character.isUpperCase(conversion);
      String body;
      boolean finite = !Double.isNaN(d) && !Double.isInfinite(d);
      if (!finite) {
        body = Double.isNaN(d) ? "nan" : "inf";
      } else {
        double magnitude = Math.abs(d);
        int p = precision < 0 ? 6 : precision;
        body =
            switch (Character.toLowerCase(conversion)) {
              case 'e' -> LuaNumberFormat.exponential(magnitude, p, alternate);
              case 'f' -> LuaNumberFormat.fixed(magnitude, p, alternate);
              case 'g' -> LuaNumberFormat.general(magnitude, p, alternate);
              default -> LuaNumberFormat.hexadecimal(magnitude);
            };
      }
      String text = pad(sign(!Double.isNaN(d) && LuaNumberFormat.isNegative(d)), body, finite);
      write(out, upper ? text.toUpperCase(java.util.Locale.ROOT) : text);
    }

    private void writeString(ByteArrayOutputStream out, LuaString s) {
      int length = precision >= 0 ? Math.min(precision, s.length()) : s.length();
      if (!left) {
        spaces(out, width - length);
      }
      out.write(s.m_bytes, s.m_offset, length);
      if (left) {
        spaces(out, width - length);
      }
    }

    private String sign(boolean negative) {
      return negative ? "-" : plus ? "+" : space ? " " : "";
    }

    private String minimumDigits(String digits) {
      return precision > digits.length()
          ? "0".repeat(precision - digits.length()) + digits
          : digits;
    }

    /** Pads to the width: spaces on the left or right, or zeros after the sign when allowed. */
    private String pad(String sign, String body, boolean zeroAllowed) {
      int missing = width - sign.length() - body.length();
      if (missing <= 0) {
        return sign + body;
      }
      if (left) {
        return sign + body + " ".repeat(missing);
      }
      return zero && zeroAllowed
          ? sign + "0".repeat(missing) + body
          : " ".repeat(missing) + sign + body;
    }

    private static void spaces(ByteArrayOutputStream out, int count) {
      for (int k = 0; k < count; k++) {
        out.write(' ');
      }
    }

    private static void write(ByteArrayOutputStream out, String ascii) {
      for (int k = 0; k < ascii.length(); k++) {
        out.write(ascii.charAt(k));
      }
    }

    private static double number(LuaValue value, int arg) {
      LuaValue n = value.tonumber();
      if (n.isnil()) {
        throw argError(arg, "number expected, got " + value.typename());
      }
      return n.todouble();
    }

    /** Lua 5.2: the number is truncated, but must lie within one of a representable integer. */
    private static long integer(LuaValue value, int arg) {
      double d = number(value, arg);
      long n = (long) d;
      double diff = d - n;
      if (!(diff > -1 && diff < 1)) {
        throw argError(arg, "not a number in proper range");
      }
      return n;
    }

    private static void quote(LuaString s, ByteArrayOutputStream out) {
      out.write('"');
      for (int k = 0; k < s.length(); k++) {
        int b = s.luaByte(k);
        if (b == '"' || b == '\\' || b == '\n') {
          out.write('\\');
          out.write(b);
        } else if (b == 0 || b < 32 || b == 127) {
          boolean digitFollows = k + 1 < s.length() && Character.isDigit(s.luaByte(k + 1));
          write(out, digitFollows ? String.format("\\%03d", b) : "\\" + b);
        } else {
          out.write(b);
        }
      }
      out.write('"');
    }
  }
}
