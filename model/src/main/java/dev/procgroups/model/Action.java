package dev.procgroups.model;

/** The permissions of the doc's Permissions table, with the resource each one is checked on. */
public enum Action {
  OPEN("pg.open", "pg.open()", true),
  JOIN("pg.join", "join()", false),
  LEAVE("pg.leave", "leave()", false),
  GET_MEMBERS("pg.get_members", "get_members()", false),
  GET_LOCAL_MEMBERS("pg.get_local_members", "get_local_members()", false),
  WHICH_GROUPS("pg.which_groups", "which_groups()", true),
  WHICH_LOCAL_GROUPS("pg.which_local_groups", "which_local_groups()", true),
  BROADCAST("pg.broadcast", "broadcast()", false),
  BROADCAST_LOCAL("pg.broadcast_local", "broadcast_local()", false),
  MONITOR("pg.monitor", "monitor()", false),
  EVENTS("pg.events", "events()", true);

  private final String permission;
  private final String method;
  private final boolean onScope;

  Action(String permission, String method, boolean onScope) {
    this.permission = permission;
    this.method = method;
    this.onScope = onScope;
  }

  /** The permission name, e.g. {@code pg.join}. */
  public String permission() {
    return permission;
  }

  /** The method the doc's table lists, e.g. {@code join()}. */
  public String method() {
    return method;
  }

  /** True if the resource is the scope id; false if it is the group name. */
  public boolean checkedOnScope() {
    return onScope;
  }
}
