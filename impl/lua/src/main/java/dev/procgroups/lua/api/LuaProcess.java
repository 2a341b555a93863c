package dev.procgroups.lua.api;

import dev.procgroups.lua.sandbox.InstructionBudget;
import dev.procgroups.process.Pid;
import dev.procgroups.process.ProcessContext;

/**
 * One running Lua process as the binding's modules see it: the runtime context, the instruction
 * budget, and the node it runs on. Modules capture it when a process first requires them, so no
 * function ever looks the current process up by thread (LuaJ coroutines run on other threads).
 */
public final class LuaProcess {
  private final LuaHost node;
  private final ProcessContext context;
  private final InstructionBudget budget;
  private final LuaCallLog log;

  public LuaProcess(
      LuaHost node, ProcessContext context, InstructionBudget budget, LuaObserver observer) {
    this.node = node;
    this.context = context;
    this.budget = budget;
    this.log = new LuaCallLog(this, observer);
  }

  public Pid pid() {
    return context.pid();
  }

  public LuaHost node() {
    return node;
  }

  public ProcessContext context() {
    return context;
  }

  public InstructionBudget budget() {
    return budget;
  }

  LuaCallLog log() {
    return log;
  }
}
