package dev.procgroups.lua.sandbox;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number to text the way C's printf does it, which is what Lua 5.2 shows: {@code tostring} is
 * {@code %.14g}. Rounding works on the exact binary value (BigDecimal of the double), half to even,
 * as glibc does. Methods taking a magnitude expect a finite value {@code >= 0}; the sign is the
 * caller's business so that padding can put zeros between sign and digits.
 */
public final class LuaNumberFormat {

  private LuaNumberFormat() {}

  /** {@code tostring(v)} of Lua 5.2: {@code %.14g}, plus {@code inf}, {@code -inf}, {@code nan}. */
  public static String toLuaString(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return (isNegative(v) ? "-" : "") + general(Math.abs(v), 14, false);
  }

  /** True for negative values and for -0.0. */
  public static boolean isNegative(double v) {
    return Double.doubleToRawLongBits(v) < 0;
  }

  /** {@code %.<precision>g} of a magnitude; {@code alternate} is the {@code #} flag. */
  static String general(double magnitude, int precision, boolean alternate) {
    int p = Math.max(precision, 1);
    if (magnitude == 0) {
      return alternate ? withPoint(p > 1 ? "0." + "0".repeat(p - 1) : "0") : "0";
    }
    BigDecimal rounded = roundSignificant(magnitude, p);
    int exponent = decimalExponent(rounded);
    String text =
        exponent < -4 || exponent >= p
            ? scientific(rounded, p - 1, exponent)
            : rounded.setScale(p - 1 - exponent, RoundingMode.UNNECESSARY).toPlainString();
    return alternate ? withPoint(text) : stripZeros(text);
  }

  /** {@code %.<precision>e} of a magnitude. */
  static String exponential(double magnitude, int precision, boolean alternate) {
    String text;
    if (magnitude == 0) {
      text = scientific(BigDecimal.ZERO, precision, 0);
    } else {
      BigDecimal rounded = roundSignificant(magnitude, precision + 1);
      text = scientific(rounded, precision, decimalExponent(rounded));
    }
    return alternate ? withPoint(text) : text;
  }

  /** {@code %.<precision>f} of a magnitude. */
  static String fixed(double magnitude, int precision, boolean alternate) {
    String text =
        new BigDecimal(magnitude).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    return alternate ? withPoint(text) : text;
  }

  /** {@code %a} of a magnitude, in C's spelling ({@code 0x1.8p+1}, not Java's {@code 0x1.8p1}). */
  static String hexadecimal(double magnitude) {
    String java = Double.toHexString(magnitude);
    int p = java.indexOf('p');
    String mantissa = java.substring(0, p);
    String exponent = java.substring(p + 1);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    return mantissa + "p" + (exponent.startsWith("-") ? exponent : "+" + exponent);
  }

  private static BigDecimal roundSignificant(double magnitude, int digits) {
    return new BigDecimal(magnitude).round(new MathContext(digits, RoundingMode.HALF_EVEN));
  }

  private static int decimalExponent(BigDecimal nonZero) {
    return nonZero.precision() - nonZero.scale() - 1;
  }

  /** d.ddd…e±XX from an already rounded value with at most {@code fractionDigits + 1} digits. */
  private static String scientific(BigDecimal rounded, int fractionDigits, int exponent) {
    StringBuilder digits = new StringBuilder(rounded.unscaledValue().toString());
    while (digits.length() < fractionDigits + 1) {
      digits.append('0');
    }
    StringBuilder out = new StringBuilder().append(digits.charAt(0));
    if (fractionDigits > 0) {
      out.append('.').append(digits, 1, fractionDigits + 1);
    }
    int abs = Math.abs(exponent);
    return out.append('e')
        .append(exponent < 0 ? '-' : '+')
        .append(abs < 10 ? "0" : "")
        .append(abs)
        .toString();
  }

  private static String withPoint(String text) {
    if (text.indexOf('.') >= 0) {
      return text;
    }
    int e = text.indexOf('e');
    return e < 0 ? text + "." : text.substring(0, e) + "." + text.substring(e);
  }

  private static String stripZeros(String text) {
    if (text.indexOf('.') < 0) {
      return text;
    }
    int e = text.indexOf('e');
    String mantissa = e < 0 ? text : text.substring(0, e);
    String suffix = e < 0 ? "" : text.substring(e);
    int end = mantissa.length();
    while (mantissa.charAt(end - 1) == '0') {
      end--;
    }
    if (mantissa.charAt(end - 1) == '.') {
      end--;
    }
    return mantissa.substring(0, end) + suffix;
  }
}
