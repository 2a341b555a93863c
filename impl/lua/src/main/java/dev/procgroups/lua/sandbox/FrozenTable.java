package dev.procgroups.lua.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A table no script can change: every write path of LuaJ's {@link LuaTable} ({@code t[k] = v},
 * {@code rawset}, {@code table.insert/remove/sort}, {@code setmetatable}) raises a Lua error. Used
 * for what all processes share, such as the string library behind {@code ("x"):upper()}.
 */
public final class FrozenTable extends LuaTable {

  /** False only while the factory methods fill the table. */
  private boolean sealed;

  private FrozenTable() {}

  /** A frozen copy of {@code source}'s entries (shallow: values are shared). */
  public static FrozenTable copyOf(LuaTable source) {
    FrozenTable frozen = new FrozenTable();
    LuaValue key = LuaValue.NIL;
    while (true) {
      org.luaj.vm2.Varargs next = source.next(key);
      key = next.arg1();
      if (key.isnil()) {
        frozen.sealed = true;
        return frozen;
      }
      frozen.store(key, next.arg(2));
    }
  }

  /** A frozen table with these entries. */
  public static FrozenTable of(String key, LuaValue value) {
    FrozenTable frozen = new FrozenTable();
    frozen.store(LuaValue.valueOf(key), value);
    frozen.sealed = true;
    return frozen;
  }

  /**
   * A frozen metatable for userdata of one kind: {@code __index} is a frozen copy of {@code
   * methods}, {@code __name} is {@code name}.
   */
  public static FrozenTable metatable(LuaTable methods, String name) {
    return metatable(methods, name, new LuaTable());
  }

  /** Like {@link #metatable(LuaTable, String)}, with further metamethods from {@code extra}. */
  public static FrozenTable metatable(LuaTable methods, String name, LuaTable extra) {
    LuaTable meta = new LuaTable();
    for (LuaValue key : extra.keys()) {
      meta.rawset(key, extra.rawget(key));
    }
    meta.rawset(LuaValue.INDEX, copyOf(methods));
    meta.rawset("__name", LuaValue.valueOf(name));
    return copyOf(meta);
  }

  private void store(LuaValue key, LuaValue value) {
    super.rawset(key, value);
  }

  private void checkWritable() {
    if (sealed) {
      throw new LuaError("attempt to modify a read-only table");
    }
  }

  @Override
  public void rawset(LuaValue key, LuaValue value) {
    checkWritable();
    super.rawset(key, value);
  }

  @Override
  public void rawset(int key, LuaValue value) {
    checkWritable();
    super.rawset(key, value);
  }

  @Override
  public void set(LuaValue key, LuaValue value) {
    checkWritable();
    super.set(key, value);
  }

  @Override
  public void set(int key, LuaValue value) {
    checkWritable();
    super.set(key, value);
  }

  @Override
  public void hashset(LuaValue key, LuaValue value) {
    checkWritable();
    super.hashset(key, value);
  }

  @Override
  public void insert(int pos, LuaValue value) {
    checkWritable();
    super.insert(pos, value);
  }

  @Override
  public LuaValue remove(int pos) {
    checkWritable();
    return super.remove(pos);
  }

  @Override
  public void sort(LuaValue comparator) {
    checkWritable();
    super.sort(comparator);
  }

  @Override
  public LuaValue setmetatable(LuaValue metatable) {
    checkWritable();
    return super.setmetatable(metatable);
  }
}
