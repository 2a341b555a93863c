package dev.procgroups.transport.atomix;

import java.util.Objects;

/**
 * A member to contact at start (and the form in which heartbeats carry known addresses). The name
 * must be the node name that member runs under: a node greets every name it knows.
 */
public record SeedMember(String name, String host, int port) {
  public SeedMember {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    if (name.isEmpty() || host.isEmpty()) {
      throw new IllegalArgumentException("seed name and host must not be empty");
    }
    AtomixTransportConfig.requirePort(port);
  }

  /** Parses {@code name@host:port}, the form {@link #toString()} prints (e.g. for a CLI). */
  public static SeedMember parse(String text) {
    int at = text.indexOf('@');
    int colon = text.lastIndexOf(':');
    if (at <= 0 || colon <= at + 1 || colon == text.length() - 1) {
      throw new IllegalArgumentException("seed must look like name@host:port: " + text);
    }
    try {
      return new SeedMember(
          text.substring(0, at),
          text.substring(at + 1, colon),
          Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("seed port is not a number: " + text, e);
    }
  }

  @Override
  public String toString() {
    return name + "@" + host + ":" + port;
  }
}
