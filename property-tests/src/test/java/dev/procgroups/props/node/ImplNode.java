package dev.procgroups.props.node;

import dev.procgroups.model.Delivery;
import dev.procgroups.model.Result;
import dev.procgroups.model.node.Monitored;
import dev.procgroups.model.node.NodeCall;
import dev.procgroups.model.node.Watching;
import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.Pg;
import dev.procgroups.pg.PgException;
import dev.procgroups.pg.PgInstance;
import dev.procgroups.process.Pid;
import dev.procgroups.registry.Registry;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.store.StoreChange;
import dev.procgroups.store.Subscription;
import dev.procgroups.testing.FakeProcess;
import dev.procgroups.testing.RecordingSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The implementation driven by the model's calls: one node with a registry, a pg, fake processes
 * (exits run their hooks at once) and recorded deliveries. Handles are bound to the ids the model
 * returned for the same call.
 */
final class ImplNode {

  /** What an implementation call gave: a raw value, or an error kind (Lua name) and message. */
  record Outcome(Object value, String errorKind, String message) {
    boolean isOk() {
      return errorKind == null;
    }
  }

  final Registry registry = new Registry();
  final Pg pg;
  private final RecordingSink sink = new RecordingSink();
  private final List<Delivery> remoteDeliveries = new ArrayList<>();
  private int deliveriesSeen;
  private final Map<String, FakeProcess> processes = new HashMap<>();
  final Map<Long, PgInstance> instances = new HashMap<>();
  final Map<Long, Subscription> subscriptions = new HashMap<>();

  ImplNode(String node, PolicyPreset policy) {
    pg =
        new Pg(
            node,
            registry,
            policy.impl(),
            sink,
            (to, from, topic, payload, targets) -> {
              for (Pid target : targets) {
                if (!target.node().equals(to)) {
                  throw new AssertionError(
                      "remote broadcast for " + target + " sent to node " + to);
                }
                remoteDeliveries.add(
                    new Delivery(target.toString(), from.toString(), topic, payload));
              }
            });
  }

  /** Deliveries (local then remote) since the last call, in the model's vocabulary. */
  List<Delivery> takeDeliveries() {
    List<RecordingSink.Delivery> all = sink.deliveries();
    List<Delivery> out = new ArrayList<>();
    for (RecordingSink.Delivery d : all.subList(deliveriesSeen, all.size())) {
      out.add(new Delivery(d.to().toString(), d.from().toString(), d.topic(), d.payload()));
    }
    deliveriesSeen = all.size();
    out.addAll(remoteDeliveries);
    remoteDeliveries.clear();
    return out;
  }

  Outcome run(NodeCall call, Result model) {
    try {
      Object value = dispatch(call);
      bind(value, model);
      return new Outcome(value, null, null);
    } catch (PgException e) {
      return new Outcome(null, e.kind().luaName(), e.getMessage());
    } catch (RegistryException e) {
      return new Outcome(null, ErrorKind.INVALID.luaName(), e.getMessage());
    }
  }

  private void bind(Object value, Result model) {
    if (!model.isOk()) {
      return;
    }
    if (value instanceof PgInstance instance) {
      instances.put((Long) model.value(), instance);
    } else if (value instanceof dev.procgroups.store.MonitorSnapshot m
        && model.value() instanceof Monitored mm) {
      subscriptions.put(mm.subscription(), m.subscription());
    } else if (value instanceof dev.procgroups.store.EventsSnapshot e
        && model.value() instanceof Watching w) {
      subscriptions.put(w.subscription(), e.subscription());
    }
  }

  private Object dispatch(NodeCall call) throws PgException, RegistryException {
    if (call instanceof NodeCall.Spawn c) {
      processes.put(c.pid(), new FakeProcess(Pid.parse(c.pid())));
      return true;
    } else if (call instanceof NodeCall.Exit c) {
      processes.get(c.pid()).exit();
      return true;
    } else if (call instanceof NodeCall.RegisterScope c) {
      registry.registerScope(c.scope(), c.config());
      return true;
    } else if (call instanceof NodeCall.StopScope c) {
      pg.stopScope(c.scope());
      return true;
    } else if (call instanceof NodeCall.Open c) {
      return pg.open(processes.get(c.pid()), c.scope());
    } else if (call instanceof NodeCall.Release c) {
      return instances.get(c.instance()).release();
    } else if (call instanceof NodeCall.Join c) {
      instances.get(c.instance()).join(c.groups());
      return true;
    } else if (call instanceof NodeCall.Leave c) {
      instances.get(c.instance()).leave(c.groups());
      return true;
    } else if (call instanceof NodeCall.GetMembers c) {
      return instances.get(c.instance()).getMembers(c.group());
    } else if (call instanceof NodeCall.GetLocalMembers c) {
      return instances.get(c.instance()).getLocalMembers(c.group());
    } else if (call instanceof NodeCall.WhichGroups c) {
      return instances.get(c.instance()).whichGroups();
    } else if (call instanceof NodeCall.WhichLocalGroups c) {
      return instances.get(c.instance()).whichLocalGroups();
    } else if (call instanceof NodeCall.Broadcast c) {
      instances.get(c.instance()).broadcast(c.group(), c.topic(), c.payload().toArray());
      return true;
    } else if (call instanceof NodeCall.BroadcastLocal c) {
      instances.get(c.instance()).broadcastLocal(c.group(), c.topic(), c.payload().toArray());
      return true;
    } else if (call instanceof NodeCall.Monitor c) {
      return instances.get(c.instance()).monitor(c.group());
    } else if (call instanceof NodeCall.Events c) {
      return instances.get(c.instance()).events();
    } else if (call instanceof NodeCall.Receive c) {
      return subscriptions.get(c.subscription()).channel().poll();
    } else if (call instanceof NodeCall.Close c) {
      return subscriptions.get(c.subscription()).close(c.flush());
    } else if (call instanceof NodeCall.Dropped c) {
      return subscriptions.get(c.subscription()).dropped();
    } else if (call instanceof NodeCall.RemoteSync c) {
      return apply(c.scope(), new StoreChange.Sync(c.origin(), pids(c.pidsByGroup())));
    } else if (call instanceof NodeCall.RemoteDelta c) {
      return apply(
          c.scope(),
          new StoreChange.Delta(
              c.origin(),
              StoreChange.Direction.valueOf(c.direction().name()),
              pids(c.pidsByGroup())));
    } else if (call instanceof NodeCall.RemoteDrop c) {
      return apply(c.scope(), new StoreChange.Drop(c.origin()));
    }
    throw new IllegalArgumentException("unknown call " + call);
  }

  /** The model's PID strings as the store's PIDs (the codec parses them on a real node). */
  private static Map<String, List<Pid>> pids(Map<String, List<String>> byGroup) {
    Map<String, List<Pid>> out = new LinkedHashMap<>();
    byGroup.forEach((group, pids) -> out.put(group, pids.stream().map(Pid::parse).toList()));
    return out;
  }

  private Object apply(String scope, StoreChange change) throws PgException {
    MembershipStore store =
        pg.store(scope)
            .orElseThrow(
                () -> new PgException(ErrorKind.NOT_FOUND, "scope " + scope + " not found"));
    if (!store.apply(change)) {
      throw new PgException(ErrorKind.UNAVAILABLE, "scope " + scope + " is stopped");
    }
    return true;
  }
}
