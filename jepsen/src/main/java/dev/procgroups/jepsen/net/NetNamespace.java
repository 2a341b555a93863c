package dev.procgroups.jepsen.net;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A private network namespace made for one run ({@code ip netns add <unique name>}) with loopback
 * up and each node's address on {@code lo}. Everything the harness does to the network (firewall
 * rules, node JVMs) runs inside it through {@link #command}, so nothing outside changes. Deleted by
 * {@link #close()}, and by a shutdown hook if the JVM exits first.
 */
public final class NetNamespace implements AutoCloseable {

  private final String name;
  private final String ip;
  private final boolean owner;
  private final Thread deleteOnExit;
  private boolean closed;

  private NetNamespace(String name, String ip, boolean owner) {
    this.name = name;
    this.ip = ip;
    this.owner = owner;
    this.deleteOnExit = new Thread(this::delete, "netns-cleanup-" + name);
  }

  /**
   * A fresh namespace named {@code prefix-<pid>-<random>}, with {@code addresses} on its loopback.
   */
  public static NetNamespace create(String prefix, List<NodeAddress> addresses)
      throws NamespaceUnavailableException {
    return createNamed(
        prefix
            + "-"
            + ProcessHandle.current().pid()
            + "-"
            + HexFormat.of().formatHex(new SecureRandom().generateSeed(3)),
        addresses);
  }

  /** As {@link #create} with an exact name (tests use a bad one to see the refusal). */
  static NetNamespace createNamed(String name, List<NodeAddress> addresses)
      throws NamespaceUnavailableException {
    String ip =
        Shell.resolve("ip")
            .map(Object::toString)
            .orElseThrow(() -> unavailable("the 'ip' tool (iproute2) is not installed"));
    Shell.Result added = Shell.run(ip, "netns", "add", name);
    if (!added.ok()) {
      throw unavailable(
          "'ip netns add "
              + name
              + "' failed: "
              + added.stderr().strip()
              + (added.stderr().contains("ermission") || added.stderr().contains("not permitted")
                  ? " (run as root, or with CAP_SYS_ADMIN and CAP_NET_ADMIN)"
                  : ""));
    }
    NetNamespace ns = new NetNamespace(name, ip, true);
    Runtime.getRuntime().addShutdownHook(ns.deleteOnExit);
    try {
      ns.run(List.of(ip, "link", "set", "lo", "up")).orThrow();
      for (NodeAddress a : addresses) {
        ns.run(List.of(ip, "addr", "add", a.ip() + "/32", "dev", "lo")).orThrow();
      }
    } catch (Shell.CommandFailedException e) {
      ns.close();
      throw unavailable(
          "namespace " + name + " made but its loopback could not be set up: " + e.getMessage());
    }
    return ns;
  }

  /**
   * The namespace {@code name} that a parent process made (and will delete), checked to be the one
   * this JVM runs in: the harness talks to the nodes' control endpoints over its loopback.
   */
  public static NetNamespace joinedByThisProcess(String name) throws NamespaceUnavailableException {
    String ip =
        Shell.resolve("ip")
            .map(Object::toString)
            .orElseThrow(() -> unavailable("the 'ip' tool (iproute2) is not installed"));
    try {
      Object mine =
          java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self/ns/net"), "unix:ino");
      Object theirs =
          java.nio.file.Files.getAttribute(java.nio.file.Path.of("/run/netns", name), "unix:ino");
      if (!mine.equals(theirs)) {
        throw unavailable("this process does not run inside namespace " + name);
      }
    } catch (java.io.IOException | UnsupportedOperationException e) {
      throw unavailable(
          "cannot tell whether this process runs inside namespace " + name + ": " + e);
    }
    return new NetNamespace(name, ip, false);
  }

  private static NamespaceUnavailableException unavailable(String why) {
    return new NamespaceUnavailableException(
        "cannot create a private network namespace: "
            + why
            + ". The Jepsen harness only changes the network inside its own namespace and never"
            + " touches the host's network or firewall, so it stops here.");
  }

  public String name() {
    return name;
  }

  /** {@code command} prefixed so that it runs inside this namespace. */
  public List<String> command(List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of(ip, "netns", "exec", name));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Runs a short command inside the namespace. */
  public Shell.Result run(List<String> command) {
    return run(command, null);
  }

  /** Runs a short command inside the namespace with {@code stdin}. */
  public Shell.Result run(List<String> command, String stdin) {
    if (closed) {
      throw new IllegalStateException("namespace " + name + " is deleted");
    }
    return Shell.run(command(command), stdin, java.time.Duration.ofSeconds(10));
  }

  /** True while {@code ip netns list} shows this namespace. */
  public boolean exists() {
    return Shell.run(ip, "netns", "list")
        .stdout()
        .lines()
        .anyMatch(l -> l.split(" ")[0].equals(name));
  }

  /**
   * Deletes the namespace if this object made it (idempotent); processes still inside keep running
   * but lose it by name. A namespace joined from inside is left to its maker.
   */
  @Override
  public synchronized void close() {
    if (closed || !owner) {
      closed = true;
      return;
    }
    delete();
    try {
      Runtime.getRuntime().removeShutdownHook(deleteOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it deletes again, which is harmless.
    }
  }

  private synchronized void delete() {
    if (!closed) {
      closed = true;
      // Whatever still runs inside (a node whose harness died) goes with the namespace.
      Shell.run(ip, "netns", "pids", name)
          .stdout()
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .forEach(pid -> Shell.run("kill", "-KILL", pid));
      Shell.Result r = Shell.run(ip, "netns", "delete", name);
      if (!r.ok() && exists()) {
        System.err.println(
            "procgroups-jepsen: could not delete network namespace "
                + name
                + ": "
                + r.stderr().strip()
                + " (delete it with: ip netns delete "
                + name
                + ")");
      }
    }
  }

  @Override
  public String toString() {
    return "netns " + name;
  }
}
