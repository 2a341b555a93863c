package dev.procgroups.process;

/**
 * What a process body sees of itself: its PID, its mailbox, sending, and whether it was asked to
 * stop. Passed explicitly rather than found through a ThreadLocal, because code called from a LuaJ
 * coroutine runs on another thread.
 */
public final class ProcessContext {
  private final RunningProcess process;

  ProcessContext(RunningProcess process) {
    this.process = process;
  }

  public Pid pid() {
    return process.pid();
  }

  /** This process, as others see it (exit hooks, liveness). */
  public RunningProcess handle() {
    return process;
  }

  public ProcessRuntime runtime() {
    return process.runtime();
  }

  /**
   * Sends {@code values} (packed and copied by {@link Payloads}) to {@code to} under {@code topic};
   * see {@link ProcessRuntime#send}.
   *
   * @throws InvalidPayloadException if a value cannot be copied
   * @throws MailboxFullException if {@code to} is local and its mailbox is full
   */
  public boolean send(Pid to, String topic, Object... values) {
    return runtime().send(pid(), to, topic, values);
  }

  /** The channel of messages sent to this process under {@code topic}. */
  public Channel<Message> listen(String topic) {
    return process.mailbox().listen(topic);
  }

  /** Closes the channel of {@code topic}; its later messages go to the inbox. */
  public void unlisten(String topic) {
    process.mailbox().unlisten(topic);
  }

  /** Messages whose topic this process does not listen to. */
  public Channel<Message> inbox() {
    return process.mailbox().inbox();
  }

  /**
   * True once the process was killed. Code that does not block in a channel (a Lua instruction
   * hook, a busy loop) checks it to stop.
   */
  public boolean killRequested() {
    return process.killRequested();
  }

  /**
   * Runs {@code listener} once when the process is killed (on the killer's thread; at once if it
   * already was). For work the kill's interrupt does not reach: a LuaJ coroutine runs on a thread
   * of its own, which the listener can interrupt.
   */
  public void onKill(Runnable listener) {
    process.onKill(listener);
  }
}
