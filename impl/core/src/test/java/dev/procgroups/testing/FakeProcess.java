package dev.procgroups.testing;

import dev.procgroups.process.Pid;
import dev.procgroups.process.ProcessHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * A process stand-in for tests: alive until {@link #exit()}, which runs the exit hooks in order.
 */
public final class FakeProcess implements ProcessHandle {

  private final Pid pid;
  private final List<Runnable> hooks = new ArrayList<>();
  private boolean alive = true;

  public FakeProcess(Pid pid) {
    this.pid = pid;
  }

  public static FakeProcess of(String node, long id) {
    return new FakeProcess(new Pid(node, "app:processes", id));
  }

  @Override
  public Pid pid() {
    return pid;
  }

  @Override
  public synchronized boolean alive() {
    return alive;
  }

  @Override
  public void onExit(Runnable hook) {
    synchronized (this) {
      if (alive) {
        hooks.add(hook);
        return;
      }
    }
    hook.run();
  }

  public void exit() {
    List<Runnable> toRun;
    synchronized (this) {
      alive = false;
      toRun = new ArrayList<>(hooks);
      hooks.clear();
    }
    toRun.forEach(Runnable::run);
  }
}
