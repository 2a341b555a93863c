package dev.procgroups.model.node;

import java.util.Objects;

/** A {@code pg.open} handle: bound to its process and scope; released by release() or exit. */
public record Instance(long id, String owner, String scope, boolean released) {
  public Instance {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(scope, "scope");
  }

  Instance release() {
    return new Instance(id, owner, scope, true);
  }
}
