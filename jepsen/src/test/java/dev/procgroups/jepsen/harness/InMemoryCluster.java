package dev.procgroups.jepsen.harness;

import dev.procgroups.daemon.control.ControlServer;
import dev.procgroups.daemon.control.Health;
import dev.procgroups.daemon.control.Monitor;
import dev.procgroups.daemon.control.MonitorRead;
import dev.procgroups.daemon.control.NodeBackend;
import dev.procgroups.daemon.control.NodeStatus;
import dev.procgroups.daemon.control.PgCallException;
import dev.procgroups.daemon.control.Received;
import dev.procgroups.jepsen.control.ControlClient;
import dev.procgroups.jepsen.nemesis.FaultInjector;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test double of a cluster: one shared, always-consistent membership table behind real control
 * servers on loopback, one per "node". It lets the harness pipeline (workers, history, store,
 * checkers, report) run without node JVMs. Each {@link Bug} plants one fault the checkers must see.
 */
final class InMemoryCluster implements Cluster {

  /** Planted bugs. */
  enum Bug {
    NONE,
    DUPLICATE_BROADCAST,
    SILENT_LEAVE,
    KILL_KEEPS_SLOTS
  }

  private static final String TOKEN = "in-memory-cluster-token";

  private final Map<String, ControlServer> servers = new LinkedHashMap<>();
  private final Map<String, ControlClient> clients = new LinkedHashMap<>();
  private final Table table;

  InMemoryCluster(int nodes, Bug bug) throws java.io.IOException {
    table = new Table(bug);
    for (int i = 1; i <= nodes; i++) {
      String node = "n" + i;
      ControlServer s =
          ControlServer.start(new InetSocketAddress("127.0.0.1", 0), TOKEN, table.backend(node));
      servers.put(node, s);
      clients.put(
          node,
          new ControlClient(
              ControlClient.newHttpClient(),
              URI.create("http://127.0.0.1:" + s.address().getPort()),
              TOKEN,
              Duration.ofSeconds(5)));
    }
  }

  @Override
  public List<String> nodes() {
    return List.copyOf(servers.keySet());
  }

  @Override
  public ControlClient client(String node) {
    return clients.get(node);
  }

  @Override
  public FaultInjector faults() {
    return FaultInjector.NONE;
  }

  @Override
  public int generation(String node) {
    return 1;
  }

  @Override
  public List<Path> logs() {
    return List.of();
  }

  @Override
  public void close() {
    servers.values().forEach(ControlServer::close);
  }

  /** The shared state; every method is atomic (synchronized on the table). */
  private static final class Table {
    private final Bug bug;
    private final Map<String, List<String>> members = new HashMap<>();
    private final Map<String, List<Received>> inbox = new HashMap<>();
    private final Map<String, Sub> subs = new HashMap<>();
    private int nextId;

    Table(Bug bug) {
      this.bug = bug;
    }

    private record Sub(String node, String group, List<MonitorRead.Event> queue) {}

    synchronized String spawn(String node) {
      String pid = String.format("{%s@app:processes|%06x}", node, ++nextId);
      inbox.put(pid, new ArrayList<>());
      return pid;
    }

    synchronized void join(String pid, String group) {
      members.computeIfAbsent(group, g -> new ArrayList<>()).add(pid);
      emit("member.joined", group, List.of(pid));
    }

    synchronized void leave(String pid, String group) throws PgCallException {
      List<String> m = members.getOrDefault(group, new ArrayList<>());
      if (!m.remove(pid)) {
        throw new PgCallException("Invalid", "not a member of " + group);
      }
      if (bug != Bug.SILENT_LEAVE) {
        emit("member.left", group, List.of(pid));
      }
    }

    synchronized List<String> members(String group, String node) {
      return members.getOrDefault(group, List.of()).stream()
          .filter(p -> node == null || p.startsWith("{" + node + "@"))
          .toList();
    }

    synchronized List<String> groups(String node) {
      return members.keySet().stream().filter(g -> !members(g, node).isEmpty()).sorted().toList();
    }

    synchronized void broadcast(String from, String group, String topic, Object payload) {
      for (String to : members(group, null)) {
        int copies = bug == Bug.DUPLICATE_BROADCAST ? 2 : 1;
        for (int i = 0; i < copies; i++) {
          inbox.get(to).add(new Received(from, topic, payload));
        }
      }
    }

    synchronized Monitor monitor(String node, String group) {
      String id = "s" + (++nextId);
      subs.put(id, new Sub(node, group, new ArrayList<>()));
      return new Monitor(id, members(group, null));
    }

    synchronized MonitorRead read(String id) {
      Sub s = subs.get(id);
      List<MonitorRead.Event> events = List.copyOf(s.queue());
      s.queue().clear();
      return new MonitorRead(s.group(), events, 0, members(s.group(), null));
    }

    synchronized List<Received> received(String pid) {
      return List.copyOf(inbox.getOrDefault(pid, List.of()));
    }

    synchronized void kill(String pid) {
      inbox.remove(pid);
      if (bug == Bug.KILL_KEEPS_SLOTS) {
        return;
      }
      for (Map.Entry<String, List<String>> e : members.entrySet()) {
        int before = e.getValue().size();
        if (e.getValue().removeAll(Collections.singleton(pid))) {
          emit("member.left", e.getKey(), Collections.nCopies(before - e.getValue().size(), pid));
        }
      }
    }

    private void emit(String kind, String group, List<String> pids) {
      subs.values().stream()
          .filter(s -> s.group().equals(group))
          .forEach(s -> s.queue().add(new MonitorRead.Event(kind, group, pids)));
    }

    NodeBackend backend(String node) {
      return new NodeBackend() {
        @Override
        public Health health() {
          return new Health(node, 1, ProcessHandle.current().pid());
        }

        @Override
        public NodeStatus status() {
          throw new UnsupportedOperationException("the harness never asks for status");
        }

        @Override
        public String metrics() {
          throw new UnsupportedOperationException("the harness never scrapes metrics");
        }

        @Override
        public String spawn() {
          return Table.this.spawn(node);
        }

        @Override
        public void join(String pid, List<String> groups) {
          groups.forEach(g -> Table.this.join(pid, g));
        }

        @Override
        public void leave(String pid, List<String> groups) throws PgCallException {
          for (String g : groups) {
            Table.this.leave(pid, g);
          }
        }

        @Override
        public List<String> getMembers(String pid, String group) {
          return members(group, null);
        }

        @Override
        public List<String> getLocalMembers(String pid, String group) {
          return members(group, node);
        }

        @Override
        public List<String> whichGroups(String pid) {
          return groups(null);
        }

        @Override
        public List<String> whichLocalGroups(String pid) {
          return groups(node);
        }

        @Override
        public void broadcast(String pid, String group, String topic, Object payload) {
          Table.this.broadcast(pid, group, topic, payload);
        }

        @Override
        public Monitor monitor(String pid, String group) {
          return Table.this.monitor(node, group);
        }

        @Override
        public MonitorRead readMonitor(String subscription) {
          return read(subscription);
        }

        @Override
        public List<Received> received(String pid) {
          return Table.this.received(pid);
        }

        @Override
        public void kill(String pid) {
          Table.this.kill(pid);
        }
      };
    }
  }
}
