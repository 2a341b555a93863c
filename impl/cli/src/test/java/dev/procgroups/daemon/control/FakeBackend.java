package dev.procgroups.daemon.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Just enough of a node for the control endpoint's tests (here and the Jepsen module's client's):
 * one process list, joins as a list, one canned event; kill hangs until {@link #release}.
 */
public final class FakeBackend implements NodeBackend {
  public final List<String> calls = new ArrayList<>();
  public final List<String> members = new ArrayList<>();
  public final List<Received> received = new ArrayList<>();
  public final CountDownLatch release = new CountDownLatch(1);

  @Override
  public Health health() {
    calls.add("health");
    return new Health("n1", 3, 42);
  }

  @Override
  public NodeStatus status() {
    return new NodeStatus(
        "n1",
        3,
        42,
        List.of(new NodeStatus.Peer("n2", 7)),
        List.of(new NodeStatus.Scope("app:pg", 1, members.size(), members.size())));
  }

  @Override
  public String metrics() {
    return "procgroups_slots{node=\"n1\"} " + members.size() + "\n";
  }

  @Override
  public String spawn() {
    return "{n1@app:processes|000001}";
  }

  @Override
  public void join(String pid, List<String> groups) {
    groups.forEach(g -> members.add(pid));
  }

  @Override
  public void leave(String pid, List<String> groups) throws PgCallException {
    throw new PgCallException("Invalid", "no membership in " + groups);
  }

  @Override
  public List<String> getMembers(String pid, String group) {
    return members;
  }

  @Override
  public List<String> getLocalMembers(String pid, String group) {
    return members;
  }

  @Override
  public List<String> whichGroups(String pid) {
    return List.of("g");
  }

  @Override
  public List<String> whichLocalGroups(String pid) {
    return List.of("g");
  }

  @Override
  public void broadcast(String pid, String group, String topic, Object payload) {
    received.add(new Received(pid, topic, payload));
  }

  @Override
  public Monitor monitor(String pid, String group) {
    return new Monitor("s1", members);
  }

  @Override
  public MonitorRead readMonitor(String subscription) {
    return new MonitorRead(
        "g", List.of(new MonitorRead.Event("member.joined", "g", List.of("x"))), 0, members);
  }

  @Override
  public List<Received> received(String pid) {
    return received;
  }

  @Override
  public void kill(String pid) {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
