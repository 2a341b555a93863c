package dev.procgroups.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process of a {@link ProcessRuntime}: a body running on its own (virtual or platform) thread,
 * with a mailbox, exit hooks and an exit reason.
 */
public final class RunningProcess implements ProcessHandle {
  private static final Logger LOG = LoggerFactory.getLogger(RunningProcess.class);

  private final ProcessRuntime runtime;
  private final Pid pid;
  private final ProcessBody body;
  private final Mailbox mailbox;
  private volatile Thread thread;
  private volatile boolean killRequested;
  private ExitReason exitReason; // guarded by this; null while alive
  private List<Runnable> hooks; // guarded by this
  private List<Runnable> killListeners; // guarded by this

  RunningProcess(ProcessRuntime runtime, Pid pid, ProcessBody body, Mailbox mailbox) {
    this.runtime = runtime;
    this.pid = pid;
    this.body = body;
    this.mailbox = mailbox;
  }

  @Override
  public Pid pid() {
    return pid;
  }

  @Override
  public synchronized boolean alive() {
    return exitReason == null;
  }

  /** Messages dropped because its mailbox was full (in messages or in bytes). */
  public long droppedMessages() {
    return mailbox.dropped();
  }

  /** What the messages waiting in its mailbox are charged now, in bytes (see {@link Message}). */
  public long queuedBytes() {
    return mailbox.bytes();
  }

  /** Why it ended; empty while it runs (exit hooks already see it). */
  public synchronized Optional<ExitReason> exitReason() {
    return Optional.ofNullable(exitReason);
  }

  @Override
  public void onExit(Runnable hook) {
    synchronized (this) {
      if (exitReason == null) {
        if (hooks == null) {
          hooks = new ArrayList<>(2);
        }
        hooks.add(hook);
        return;
      }
    }
    runGuarded(hook, "exit hook");
  }

  /** See {@link ProcessContext#onKill}. */
  void onKill(Runnable listener) {
    synchronized (this) {
      if (!killRequested) {
        if (killListeners == null) {
          killListeners = new ArrayList<>(1);
        }
        killListeners.add(listener);
        return;
      }
    }
    runGuarded(listener, "kill listener");
  }

  /**
   * Asks the process to stop: interrupts its thread (a blocked receive throws {@link
   * InterruptedException}) and raises {@link ProcessContext#killRequested()}. The exit reason is
   * {@link ExitReason#KILLED}. Returns false if it had already exited.
   */
  public boolean kill() {
    List<Runnable> listeners;
    synchronized (this) {
      if (exitReason != null) {
        return false;
      }
      killRequested = true;
      listeners = killListeners;
      killListeners = null;
    }
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
    if (listeners != null) {
      listeners.forEach(listener -> runGuarded(listener, "kill listener"));
    }
    return true;
  }

  /** Waits until the process has exited and its hooks have run; false on timeout. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    Thread running = thread;
    if (running != null) {
      running.join(Math.max(1, timeout.toMillis()));
    }
    return !alive() && (running == null || !running.isAlive());
  }

  ProcessRuntime runtime() {
    return runtime;
  }

  Mailbox mailbox() {
    return mailbox;
  }

  boolean killRequested() {
    return killRequested;
  }

  void start(Thread assigned) {
    thread = assigned;
    assigned.start();
  }

  /** The thread's task. */
  void run() {
    ExitReason reason;
    try {
      if (!killRequested) {
        body.run(new ProcessContext(this));
      }
      reason = killRequested ? ExitReason.KILLED : ExitReason.NORMAL;
    } catch (Throwable error) {
      reason = killRequested ? ExitReason.KILLED : new ExitReason.Failed(error);
      if (!killRequested) {
        LOG.warn("process {} failed", pid, error); // else nobody would ever know
      }
    }
    exit(reason);
  }

  /** Ends the process: no more deliveries, channels closed, then the hooks in order, once. */
  void exit(ExitReason reason) {
    runtime.forget(this);
    mailbox.close();
    List<Runnable> toRun;
    synchronized (this) {
      exitReason = reason;
      toRun = hooks;
      hooks = null;
      killListeners = null;
    }
    if (toRun != null) {
      toRun.forEach(hook -> runGuarded(hook, "exit hook"));
    }
  }

  private void runGuarded(Runnable callback, String what) {
    try {
      callback.run();
    } catch (RuntimeException | Error e) {
      LOG.warn("{} of {} failed", what, pid, e);
    }
  }

  @Override
  public String toString() {
    return pid.toString();
  }
}
