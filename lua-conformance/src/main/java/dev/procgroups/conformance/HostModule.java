package dev.procgroups.conformance;

import dev.procgroups.lua.LuaNode;
import dev.procgroups.lua.api.LuaModule;
import dev.procgroups.lua.api.LuaPayloads;
import dev.procgroups.lua.api.LuaProcess;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.ZeroArgFunction;

/**
 * {@code require("conformance.host")} on this runtime: the host calls of the adapter contract
 * (lua-conformance/CONTRACT.md) over an embedded cluster's Lua nodes.
 */
final class HostModule implements LuaModule {

  private static final LuaValue TIMEOUT = LuaValue.valueOf("timeout");

  private final List<LuaNode> nodes;
  private final int index;

  /** The module as seen by processes of {@code nodes.get(index - 1)}. */
  HostModule(List<LuaNode> nodes, int index) {
    this.nodes = nodes;
    this.index = index;
  }

  @Override
  public LuaValue open(LuaProcess process) {
    LuaTable host = new LuaTable();
    host.rawset("node", constant(index));
    host.rawset("nodes", constant(nodes.size()));
    host.rawset(
        "spawn",
        new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            int node = args.checkint(1);
            if (node < 1 || node > nodes.size()) {
              throw new LuaError(
                  "host.spawn: no node " + node + " (the cluster has " + nodes.size() + ")");
            }
            String helper = "helpers/" + args.checkjstring(2);
            Object[] rest = LuaPayloads.toJava(args, 3);
            return nodes
                .get(node - 1)
                .spawn(helper, rest)
                .map(p -> LuaValue.valueOf(p.pid().toString()))
                .orElseThrow(() -> new LuaError("host.spawn: no script " + helper + ".lua"));
          }
        });
    host.rawset(
        "sleep",
        new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue ms) {
            try {
              Thread.sleep(ms.checklong());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new LuaError("host.sleep interrupted");
            }
            return NONE;
          }
        });
    host.rawset(
        "receive",
        new TwoArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            Varargs got = args.arg1().invokemethod("receive", args.arg(2));
            return TIMEOUT.equals(got.arg(3))
                ? LuaValue.varargsOf(new LuaValue[] {NIL, NIL, TIMEOUT})
                : LuaValue.varargsOf(got.arg1(), got.arg(2));
          }

          @Override
          public LuaValue call(LuaValue ch, LuaValue ms) {
            return invoke(LuaValue.varargsOf(ch, ms)).arg1();
          }
        });
    return host;
  }

  private static LuaValue constant(int value) {
    return new ZeroArgFunction() {
      @Override
      public LuaValue call() {
        return valueOf(value);
      }
    };
  }
}
