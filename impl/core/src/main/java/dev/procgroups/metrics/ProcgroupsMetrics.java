package dev.procgroups.metrics;

import dev.procgroups.cluster.ClusterNode;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.transport.Transport;
import dev.procgroups.transport.atomix.AtomixTransport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.BlockingQueue;
import java.util.function.ToDoubleFunction;

/**
 * One node's meters, all tagged {@code node=<name>}. Most read getters the node already keeps
 * (function counters and gauges, sampled when the registry is read); only the transport's traffic
 * and peer events are counted as they happen, by {@link #meter(Transport)}.
 */
public final class ProcgroupsMetrics {
  public static final String MESSAGES = "procgroups.messages";
  public static final String REJECTED = "procgroups.messages.rejected";
  public static final String DROPPED = "procgroups.messages.dropped";
  public static final String REFUSED_CONNECTIONS = "procgroups.connections.refused";
  public static final String PEER_EVENTS = "procgroups.peer.events";
  public static final String RESYNCS = "procgroups.resyncs.requested";
  public static final String INBOUND_QUEUE = "procgroups.inbound.queue";
  public static final String INBOUND_BYTES = "procgroups.inbound.queued.bytes";
  public static final String INBOUND_DROPPED = "procgroups.inbound.dropped";
  public static final String MAILBOX_DROPPED = "procgroups.mailbox.dropped";
  public static final String MAILBOX_LARGEST = "procgroups.mailbox.largest";
  public static final String MAILBOX_LARGEST_BYTES = "procgroups.mailbox.largest.bytes";
  public static final String SLOTS = "procgroups.slots";
  public static final String GROUPS = "procgroups.groups";
  public static final String EVENTS_DROPPED = "procgroups.subscription.events.dropped";

  private final MeterRegistry registry;
  private final Tags node;

  public ProcgroupsMetrics(MeterRegistry registry, String nodeName) {
    this.registry = registry;
    this.node = Tags.of("node", nodeName);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** {@code transport}, counting protocol messages out and in and peer up/down events. */
  public Transport meter(Transport transport) {
    return new MeteredTransport(
        transport,
        counter(MESSAGES, "protocol messages handed to the transport", "direction", "out"),
        counter(MESSAGES, "protocol messages received from peers", "direction", "in"),
        counter(PEER_EVENTS, "peers reported up by the failure detector", "event", "up"),
        counter(PEER_EVENTS, "peers reported down by the failure detector", "event", "down"));
  }

  /** The node-wide readings: rejections, drops, resyncs and the inbound backlog. */
  public void node(ClusterNode cluster, AtomixTransport transport, BlockingQueue<?> inbound) {
    functionCounter(
        REJECTED,
        "malformed messages or for a scope not replicated here",
        cluster,
        ClusterNode::rejectedMessages,
        "layer",
        "protocol");
    functionCounter(
        REJECTED,
        "messages failing authentication, replayed or misaddressed",
        transport,
        AtomixTransport::rejectedMessages,
        "layer",
        "transport");
    functionCounter(
        REFUSED_CONNECTIONS,
        "inbound connections closed unauthenticated: a frame over the size limit or malformed",
        transport,
        AtomixTransport::refusedConnections,
        "reason",
        "frame");
    functionCounter(
        REFUSED_CONNECTIONS,
        "inbound connections cut for sending too many rejected messages",
        transport,
        AtomixTransport::cutConnections,
        "reason",
        "rejected");
    functionCounter(
        REFUSED_CONNECTIONS,
        "inbound connections closed at once: their address held the most connections allowed",
        transport,
        AtomixTransport::cappedConnections,
        "reason",
        "address");
    functionCounter(
        REFUSED_CONNECTIONS,
        "inbound connections whose TLS handshake failed: no certificate of the cluster's CA",
        transport,
        AtomixTransport::failedHandshakes,
        "reason",
        "tls");
    functionCounter(
        DROPPED,
        "messages to a peer not up or with a full outbox",
        transport,
        AtomixTransport::droppedMessages,
        "layer",
        "transport");
    functionCounter(
        RESYNCS,
        "full resyncs this node asked its peers for",
        cluster,
        ClusterNode::resyncRequests);
    Gauge.builder(INBOUND_QUEUE, inbound, BlockingQueue::size)
        .description("messages, peer events and ticks waiting for the replication thread")
        .tags(node)
        .strongReference(true)
        .register(registry);
    functionCounter(
        INBOUND_DROPPED,
        "received batches dropped unopened: transport lane full",
        transport,
        AtomixTransport::droppedInbound,
        "lane",
        "transport",
        "kind",
        "batch");
    functionCounter(
        INBOUND_DROPPED,
        "replication messages dropped: replication lane full",
        cluster,
        ClusterNode::droppedProtocolMessages,
        "lane",
        "replication",
        "kind",
        "protocol");
    functionCounter(
        INBOUND_DROPPED,
        "remote deliveries dropped: delivery lane full",
        cluster,
        ClusterNode::droppedDeliveries,
        "lane",
        "replication",
        "kind",
        "delivery");
    gauge(
        INBOUND_BYTES,
        "bytes of received batches waiting for the transport's thread",
        transport,
        AtomixTransport::queuedInboundBytes,
        "lane",
        "transport");
    gauge(
        INBOUND_BYTES,
        "bytes of messages waiting for the replication thread",
        cluster,
        ClusterNode::queuedInboundBytes,
        "lane",
        "replication");
  }

  /** The process runtime's readings: drops at full mailboxes, the fullest mailbox. */
  public void processes(ProcessRuntime processes) {
    functionCounter(
        MAILBOX_DROPPED,
        "messages dropped because a local mailbox was full",
        processes,
        ProcessRuntime::droppedMessages);
    gauge(
        MAILBOX_LARGEST,
        "messages waiting in the fullest local mailbox",
        processes,
        ProcessRuntime::largestMailbox);
    gauge(
        MAILBOX_LARGEST_BYTES,
        "bytes charged for the messages of the local mailbox charged most",
        processes,
        ProcessRuntime::largestMailboxBytes);
  }

  /** The readings of one scope's store: slots and groups in this node's view, dropped events. */
  public void scope(String scope, MembershipStore store) {
    Tags tags = node.and("scope", scope);
    Gauge.builder(SLOTS, store, ProcgroupsMetrics::slots)
        .description("member slots in this node's view (local and remote)")
        .tags(tags)
        .strongReference(true)
        .register(registry);
    Gauge.builder(GROUPS, store, s -> s.groups().size())
        .description("groups with at least one slot in this node's view")
        .tags(tags)
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(EVENTS_DROPPED, store, MembershipStore::droppedEvents)
        .description("monitor/events notifications dropped because a subscriber's buffer was full")
        .tags(tags)
        .register(registry);
  }

  private static double slots(MembershipStore store) {
    return store.groups().stream().mapToInt(g -> store.members(g).size()).sum();
  }

  private Counter counter(String name, String description, String key, String value) {
    return Counter.builder(name)
        .description(description)
        .tags(node)
        .tag(key, value)
        .register(registry);
  }

  private <T> void gauge(
      String name, String description, T source, ToDoubleFunction<T> reading, String... tags) {
    Gauge.builder(name, source, reading)
        .description(description)
        .tags(node)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  private <T> void functionCounter(
      String name, String description, T source, ToDoubleFunction<T> reading, String... tags) {
    FunctionCounter.builder(name, source, reading)
        .description(description)
        .tags(node)
        .tags(tags)
        .register(registry);
  }
}
