package dev.procgroups.lua.sandbox;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaString;

/**
 * Bytes of one Lua string being built by the binding ({@code string.format}, a {@code print} line):
 * refuses to grow past the per-string bound and charges each large growth to the process before it
 * happens ({@link LuaAllocations}).
 */
final class LuaStringBuilder extends ByteArrayOutputStream {

  LuaStringBuilder(int initialCapacity) {
    super(initialCapacity);
  }

  @Override
  public synchronized void write(int b) {
    ensure(1);
    super.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    ensure(len);
    super.write(b, off, len);
  }

  LuaString toLuaString() {
    return LuaString.valueOf(buf, 0, count);
  }

  private void ensure(int more) {
    long needed = (long) count + more;
    LuaAllocations.checkLength(needed);
    if (needed > buf.length) {
      LuaAllocations.reserve(Math.max(needed, 2L * buf.length)); // the stream doubles
    }
  }
}
