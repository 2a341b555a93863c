package dev.procgroups.pg;

/** The permission each pg method checks (the spec's permission table). */
public enum Permission {
  OPEN("pg.open"),
  JOIN("pg.join"),
  LEAVE("pg.leave"),
  GET_MEMBERS("pg.get_members"),
  GET_LOCAL_MEMBERS("pg.get_local_members"),
  WHICH_GROUPS("pg.which_groups"),
  WHICH_LOCAL_GROUPS("pg.which_local_groups"),
  BROADCAST("pg.broadcast"),
  BROADCAST_LOCAL("pg.broadcast_local"),
  MONITOR("pg.monitor"),
  EVENTS("pg.events");

  private final String action;

  Permission(String action) {
    this.action = action;
  }

  /**
   * The action name a {@link dev.procgroups.security.SecurityPolicy} sees, e.g. {@code pg.join}.
   */
  public String action() {
    return action;
  }
}
