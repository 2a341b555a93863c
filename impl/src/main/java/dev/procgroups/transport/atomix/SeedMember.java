package dev.procgroups.transport.atomix;

import java.util.Objects;

/**
 * A member to contact at start. The name must be the node name that member runs under: SWIM keeps
 * probing seeds whose name matches no live member, which would slow down failure detection.
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

  @Override
  public String toString() {
    return name + "@" + host + ":" + port;
  }
}
