package dev.procgroups.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The processes of one node: spawns them, numbers them, delivers their messages, kills them.
 *
 * <p>PIDs are {@code {node@host|id}}; the id counter starts at {@code incarnation << 24}
 * (docs/DECISIONS.md), so a later incarnation of the same node name never reuses an id unless an
 * incarnation spawned more than 2^24 processes and the next incarnation number is only one larger.
 *
 * <p>Messages: {@link #send} packs and copies the payload ({@link Payloads}) and puts it in the
 * receiver's mailbox; messages between one sender and one receiver arrive in send order. A PID of
 * another node goes to the {@link RemoteRouter}. Delivery to a process that does not exist (or has
 * exited) drops the message, as in Erlang. A mailbox holds at most {@code mailboxCapacity} messages
 * (default {@link #DEFAULT_MAILBOX_CAPACITY}) and {@code mailboxBytes} bytes (default {@link
 * #DEFAULT_MAILBOX_BYTES}; each message charged its payload's {@link EncodedSize} plus {@link
 * Message#OVERHEAD_BYTES}): a delivery beyond either is dropped and counted, per process and
 * node-wide ({@link #droppedMessages()}); {@link #send} also tells its caller ({@link
 * MailboxFullException}).
 */
public final class ProcessRuntime implements MessageSink, AutoCloseable {

  /** The host part of PIDs unless configured otherwise. */
  public static final String DEFAULT_HOST = "app:processes";

  /**
   * Messages one process's mailbox holds by default: enough for bursts (a broadcast storm of a few
   * seconds), small enough that a stuck process costs tens of MB at most, not the heap.
   */
  public static final int DEFAULT_MAILBOX_CAPACITY = 100_000;

  /**
   * Bytes one process's mailbox holds by default (64 MiB): 64 messages of the largest payload (1
   * MiB), or the whole {@link #DEFAULT_MAILBOX_CAPACITY} of messages up to ~600 bytes, so the count
   * bound still governs small messages while a flood of large ones stops at the same order of
   * memory as a full mailbox of small ones.
   */
  public static final long DEFAULT_MAILBOX_BYTES = 64L << 20;

  /** The largest incarnation whose first id ({@code incarnation << 24}) still fits a long. */
  public static final long MAX_INCARNATION = (Long.MAX_VALUE >>> 24) - 1;

  private final String node;
  private final String host;
  private final long incarnation;
  private final boolean virtualThreads;
  private final ThreadFactory threads;
  private final AtomicLong nextId;
  private final int mailboxCapacity;
  private final long mailboxBytes;
  private final boolean chargePayloads;
  private final AtomicLong droppedMessages = new AtomicLong();
  private final ConcurrentHashMap<Long, RunningProcess> processes = new ConcurrentHashMap<>();
  private volatile RemoteRouter remoteRouter = RemoteRouter.DROP;
  private volatile boolean closed;

  private ProcessRuntime(Builder builder) {
    if (builder.incarnation < 1 || builder.incarnation > MAX_INCARNATION) {
      // The PID counter starts at incarnation << 24 and must stay a positive long: a start time in
      // milliseconds (about 2^41) does not fit, one in seconds does.
      throw new IllegalArgumentException(
          "incarnation must be in 1.."
              + MAX_INCARNATION
              + " so that its first PID id (incarnation << 24) fits a long; got "
              + builder.incarnation
              + (builder.incarnation > MAX_INCARNATION
                  ? " (a time in milliseconds? use seconds)"
                  : ""));
    }
    Pid first = new Pid(builder.node, builder.host, builder.incarnation << 24);
    if (!Pid.isPid(first.toString())) {
      throw new IllegalArgumentException("node or host makes unparseable PIDs: " + first);
    }
    this.node = first.node();
    this.host = first.host();
    this.incarnation = builder.incarnation;
    this.nextId = new AtomicLong(first.id());
    if (builder.mailboxCapacity < 1) {
      throw new IllegalArgumentException(
          "mailboxCapacity must be at least 1: " + builder.mailboxCapacity);
    }
    this.mailboxCapacity = builder.mailboxCapacity;
    if (builder.mailboxBytes < 1) {
      throw new IllegalArgumentException(
          "mailboxBytes must be at least 1: " + builder.mailboxBytes);
    }
    this.mailboxBytes = builder.mailboxBytes;
    this.chargePayloads = !PlantedBug.UNCHARGED_PAYLOADS.planted();
    this.threads = builder.threads.factory();
    this.virtualThreads =
        builder.threads != ProcessThreads.PLATFORM && ProcessThreads.virtualAvailable();
  }

  /** A runtime for {@code node} with the default host, on virtual threads if available. */
  public static ProcessRuntime create(String node, long incarnation) {
    return builder(node).incarnation(incarnation).build();
  }

  public static Builder builder(String node) {
    return new Builder(node);
  }

  public String node() {
    return node;
  }

  public String host() {
    return host;
  }

  public long incarnation() {
    return incarnation;
  }

  /** True if processes run on virtual threads. */
  public boolean usesVirtualThreads() {
    return virtualThreads;
  }

  /** Sets where messages to other nodes' PIDs go (the cluster layer). */
  public void remoteRouter(RemoteRouter router) {
    this.remoteRouter = Objects.requireNonNull(router, "router");
  }

  /**
   * Starts a process running {@code body}. The process exists (and can receive messages) when this
   * returns.
   *
   * @throws IllegalStateException if the runtime is closed
   */
  public RunningProcess spawn(ProcessBody body) {
    Objects.requireNonNull(body, "body");
    if (closed) {
      throw new IllegalStateException("process runtime of " + node + " is closed");
    }
    RunningProcess process =
        new RunningProcess(
            this,
            new Pid(node, host, nextId.getAndIncrement()),
            body,
            new Mailbox(mailboxCapacity, mailboxBytes, chargePayloads));
    processes.put(process.pid().id(), process);
    try {
      Thread thread = threads.newThread(process::run);
      thread.setName(process.pid().toString());
      process.start(thread);
    } catch (RuntimeException | Error e) {
      process.exit(new ExitReason.Failed(e));
      throw e;
    }
    if (closed) {
      process.kill(); // lost a race with shutdown
    }
    return process;
  }

  /**
   * Sends {@code values} from {@code from} to {@code to} under {@code topic}. The values are packed
   * (none → null, one → itself, several → a list) and deep-copied first. Returns true if the
   * message was put in a local mailbox or handed to the remote router, false if dropped (no such
   * process). A full remote mailbox drops the message there (counted on that node).
   *
   * @throws InvalidPayloadException if a value cannot be copied (nothing is sent)
   * @throws MailboxFullException if {@code to} is local and its mailbox is full (dropped, counted)
   */
  public boolean send(Pid from, Pid to, String topic, Object... values) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(topic, "topic");
    Payloads.Packed packed = Payloads.packSized(values);
    if (!isLocal(to)) {
      return remoteRouter.route(to, from, topic, packed.payload());
    }
    Channel.PutResult result = put(to, from, topic, packed.payload(), packed.bytes());
    if (result == Channel.PutResult.FULL) {
      throw new MailboxFullException(to, mailboxCapacity, mailboxBytes);
    }
    return result == Channel.PutResult.ACCEPTED;
  }

  /**
   * Delivers an already copied payload to a local process; false if there is no such process or its
   * mailbox is full (then the message is counted in {@link #droppedMessages()}).
   */
  @Override
  public boolean deliver(Pid to, Pid from, String topic, Object payload, long bytes) {
    return put(to, from, topic, payload, bytes) == Channel.PutResult.ACCEPTED;
  }

  /** Messages dropped because a local mailbox was full, over all processes, since start. */
  public long droppedMessages() {
    return droppedMessages.get();
  }

  /** The messages waiting in the fullest mailbox now (a scan of the live processes). */
  public int largestMailbox() {
    return processes.values().stream().mapToInt(p -> p.mailbox().size()).max().orElse(0);
  }

  /** The bytes waiting in the mailbox charged the most now (a scan of the live processes). */
  public long largestMailboxBytes() {
    return processes.values().stream().mapToLong(p -> p.mailbox().bytes()).max().orElse(0);
  }

  /** The most messages one process's mailbox holds. */
  public int mailboxCapacity() {
    return mailboxCapacity;
  }

  /** The most bytes one process's mailbox holds. */
  public long mailboxBytes() {
    return mailboxBytes;
  }

  private Channel.PutResult put(Pid to, Pid from, String topic, Object payload, long bytes) {
    RunningProcess process = isLocal(to) ? processes.get(to.id()) : null;
    if (process == null) {
      return Channel.PutResult.CLOSED;
    }
    Channel.PutResult result = process.mailbox().deliver(new Message(from, topic, payload, bytes));
    if (result == Channel.PutResult.FULL) {
      droppedMessages.incrementAndGet();
    }
    return result;
  }

  /** True if {@code pid} names a process of this node (alive or not). */
  public boolean isLocal(Pid pid) {
    return pid.node().equals(node) && pid.host().equals(host);
  }

  /** The live local process {@code pid}, if any. */
  public Optional<RunningProcess> process(Pid pid) {
    return Optional.ofNullable(isLocal(pid) ? processes.get(pid.id()) : null);
  }

  /** Kills the live local process {@code pid}; false if there is none. */
  public boolean kill(Pid pid) {
    return process(pid).map(RunningProcess::kill).orElse(false);
  }

  /** The live processes, at this moment. */
  public List<RunningProcess> liveProcesses() {
    return List.copyOf(processes.values());
  }

  /** The number of live processes. */
  public int processCount() {
    return processes.size();
  }

  /**
   * Refuses new processes, kills every live one and waits up to {@code timeout} for them to exit.
   * Returns true if all exited.
   */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    closed = true;
    List<RunningProcess> live = new ArrayList<>(processes.values());
    live.forEach(RunningProcess::kill);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (RunningProcess process : live) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !process.awaitExit(Duration.ofNanos(left))) {
        return false;
      }
    }
    return true;
  }

  /** {@link #shutdown} with a 10 s wait. */
  @Override
  public void close() {
    try {
      shutdown(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void forget(RunningProcess process) {
    processes.remove(process.pid().id(), process);
  }

  /** Configures a {@link ProcessRuntime}. */
  public static final class Builder {
    private final String node;
    private String host = DEFAULT_HOST;
    private long incarnation = 1;
    private ProcessThreads threads = ProcessThreads.AUTO;
    private int mailboxCapacity = DEFAULT_MAILBOX_CAPACITY;
    private long mailboxBytes = DEFAULT_MAILBOX_BYTES;

    private Builder(String node) {
      this.node = node;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** A positive number larger than any earlier start of this node name; default 1. */
    public Builder incarnation(long incarnation) {
      this.incarnation = incarnation;
      return this;
    }

    public Builder threads(ProcessThreads threads) {
      this.threads = Objects.requireNonNull(threads, "threads");
      return this;
    }

    /** The most messages one process's mailbox holds (≥ 1); default 100 000. */
    public Builder mailboxCapacity(int capacity) {
      this.mailboxCapacity = capacity;
      return this;
    }

    /**
     * The most bytes one process's mailbox holds (≥ 1), each message charged its payload's encoded
     * size plus {@link Message#OVERHEAD_BYTES}; default 64 MiB. A message larger than this never
     * fits.
     */
    public Builder mailboxBytes(long bytes) {
      this.mailboxBytes = bytes;
      return this;
    }

    public ProcessRuntime build() {
      return new ProcessRuntime(this);
    }
  }
}
