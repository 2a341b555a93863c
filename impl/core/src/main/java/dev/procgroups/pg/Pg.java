package dev.procgroups.pg;

import dev.procgroups.process.MessageSink;
import dev.procgroups.process.Pid;
import dev.procgroups.process.ProcessHandle;
import dev.procgroups.registry.EntryId;
import dev.procgroups.registry.Registry;
import dev.procgroups.registry.ScopeEntry;
import dev.procgroups.security.SecurityPolicy;
import dev.procgroups.store.MembershipStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pg module of one node: opens scopes for processes ({@link #open}) and owns one {@link
 * MembershipStore} per scope, which the cluster layer reaches through {@link #store}.
 */
public final class Pg {

  private final String nodeName;
  private final Registry registry;
  private final SecurityPolicy policy;
  private final MessageSink sink;
  private final RemoteBroadcast remote;
  private final Map<EntryId, MembershipStore> stores = new ConcurrentHashMap<>();
  private final Map<Pid, ProcessRecord> processes = new ConcurrentHashMap<>();

  public Pg(
      String nodeName,
      Registry registry,
      SecurityPolicy policy,
      MessageSink sink,
      RemoteBroadcast remote) {
    this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.remote = Objects.requireNonNull(remote, "remote");
  }

  /** A single-node pg that allows everything. */
  public Pg(String nodeName, Registry registry, MessageSink sink) {
    this(nodeName, registry, SecurityPolicy.allowAll(), sink, RemoteBroadcast.NONE);
  }

  public String nodeName() {
    return nodeName;
  }

  /**
   * {@code pg.open(id)} from inside {@code process}: INVALID for a missing or malformed id (or a
   * process that has exited), PERMISSION_DENIED without {@code pg.open} on the id, NOT_FOUND if no
   * {@code pg.scope} entry has that id, UNAVAILABLE if the scope was stopped.
   */
  public PgInstance open(ProcessHandle process, Object id) throws PgException {
    Objects.requireNonNull(process, "process");
    String text = Arguments.name(id, "id");
    if (!EntryId.isValid(text)) {
      throw Arguments.invalid("id", "must be namespace:name, got '" + text + "'");
    }
    check(process.pid(), Permission.OPEN, text);
    MembershipStore store = existing(text);
    if (store.isStopped()) {
      throw new PgException(ErrorKind.UNAVAILABLE, "scope " + text + " is stopped");
    }
    ProcessRecord record = recordOf(process);
    PgInstance instance = new PgInstance(this, record, text, store);
    if (!record.attach(instance, store)) {
      throw Arguments.invalid("process", process.pid() + " has exited");
    }
    return instance;
  }

  /**
   * The store of a registered scope on this node, created on first use; empty if no {@code
   * pg.scope} entry has that id. The cluster layer attaches its listener here.
   */
  public Optional<MembershipStore> store(String scopeId) {
    if (!EntryId.isValid(scopeId)) {
      return Optional.empty();
    }
    EntryId id = EntryId.parse(scopeId);
    Optional<ScopeEntry> entry = registry.scope(id);
    return entry.map(
        e -> stores.computeIfAbsent(id, x -> new MembershipStore(nodeName, e.config())));
  }

  /**
   * Stops a scope on this node for good: its subscriptions close, its slots go (without events),
   * and every later call on it is UNAVAILABLE. NOT_FOUND if no such scope is registered.
   */
  public void stopScope(String scopeId) throws PgException {
    existing(scopeId).stop();
  }

  private MembershipStore existing(String scopeId) throws PgException {
    return store(scopeId)
        .orElseThrow(() -> new PgException(ErrorKind.NOT_FOUND, "scope " + scopeId + " not found"));
  }

  void check(Pid pid, Permission permission, String resource) throws PgException {
    if (!policy.allows(pid, permission.action(), resource)) {
      throw new PgException(
          ErrorKind.PERMISSION_DENIED,
          permission.action() + " denied on '" + resource + "' for " + pid);
    }
  }

  MessageSink sink() {
    return sink;
  }

  RemoteBroadcast remote() {
    return remote;
  }

  private ProcessRecord recordOf(ProcessHandle process) {
    Pid pid = process.pid();
    ProcessRecord fresh = new ProcessRecord(process);
    ProcessRecord existing = processes.putIfAbsent(pid, fresh);
    if (existing != null) {
      return existing;
    }
    process.onExit(
        () -> {
          fresh.exit();
          processes.remove(pid, fresh);
        });
    return fresh;
  }
}
