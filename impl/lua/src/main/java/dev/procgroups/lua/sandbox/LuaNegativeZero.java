package dev.procgroups.lua.sandbox;

import org.luaj.vm2.LuaDouble;
import org.luaj.vm2.LuaInteger;
import org.luaj.vm2.LuaValue;

/**
 * Keeps Lua 5.2's -0 (every Lua 5.2 number is a double, and {@code tostring(-0.0)} is "-0"). Stock
 * LuaJ 3.0.1 boxes every integral double as an integer, so -0.0 became 0; {@link LuaJPatch} makes
 * {@code LuaDouble.valueOf}, {@code LuaDouble.hashCode} and every unary minus of the interpreter
 * and the compiler, and the compiler's number constants, call this. A -0.0 key finds the same table
 * slot as 0, as in Lua. Not covered: integer arithmetic giving zero ({@code 0 * -1} is 0, Lua 5.2
 * says -0).
 *
 * <p>Public because the patched LuaJ classes, in another package, call it.
 */
public final class LuaNegativeZero {

  private LuaNegativeZero() {}

  /** Whether LuaJ boxes {@code d} as an integer: an int value that is not -0.0. */
  public static boolean boxesAsInteger(double d) {
    return d == (int) d && !(d == 0 && LuaNumberFormat.isNegative(d));
  }

  /** {@code LuaDouble.hashCode}: stock for every value but -0.0, which hashes as the integer 0. */
  public static int hash(double v) {
    if (v == 0) {
      return LuaInteger.hashCode(0);
    }
    long bits = Double.doubleToLongBits(v + 1);
    return (int) (bits >> 32) + (int) bits;
  }

  /** A number constant of a compiled chunk: integral doubles as integers, but -0.0 as itself. */
  public static LuaValue constant(LuaValue number) {
    double d = number.todouble();
    return number instanceof LuaDouble && boxesAsInteger(d) ? LuaInteger.valueOf((int) d) : number;
  }

  /** Unary minus: {@code -0} is -0.0 (stock LuaJ negates the integer 0 to itself). */
  public static LuaValue neg(LuaValue value) {
    return value instanceof LuaInteger && value.toint() == 0 ? LuaValue.valueOf(-0.0) : value.neg();
  }
}
