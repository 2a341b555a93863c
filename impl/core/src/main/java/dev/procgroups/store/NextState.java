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
  }

  /** {@code group} has no slot left. */
  void remove(String group) {
    groups.remove(group);
  }

  /** Lists {@code group} among those with a local slot, or not. */
  void listLocal(String group, boolean local) {
    if (local) {
      localGroups.put(group, Boolean.TRUE);
    } else {
      localGroups.remove(group);
    }
  }

  /** Groups with a local slot so far. */
  int localGroups() {
    return localGroups.size();
  }

  StoreState build() {
    return new StoreState(groups.build(), localGroups.build());
  }
}
