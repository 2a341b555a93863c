package dev.procgroups.store;

/** The store's next {@link StoreState}, built by one commit from the current one. */
final class NextState {

  private final TrieMap.Editor<String, GroupState> groups;
  private final TrieMap.Editor<String, Boolean> localGroups;

  NextState(StoreState from) {
    this.groups = from.groups().edit();
    this.localGroups = from.localGroups().edit();
  }

  /** Publishes {@code group} as {@code view}. */
  void put(String group, GroupState view) {
    groups.put(group, view);
    if (view.localLive() > 0) {
      localGroups.put(group, Boolean.TRUE);
    } else {
      localGroups.remove(group);
    }
  }

  /** {@code group} has no slot left; {@code linger} keeps it listed (a planted bug). */
  void remove(String group, boolean linger) {
    if (!linger) {
      groups.remove(group);
    }
    localGroups.remove(group);
  }

  /** Groups with a local slot so far. */
  int localGroups() {
    return localGroups.size();
  }

  StoreState build() {
    return new StoreState(groups.build(), localGroups.build());
  }
}
