package dev.procgroups.store;

/**
 * Everything readers see at one store version, published by one volatile write per store write: the
 * non-empty groups and the names of those with a local member (as keys). Persistent maps keep a
 * write O(log groups) while every read sees one consistent version.
 */
record StoreState(TrieMap<String, GroupState> groups, TrieMap<String, Boolean> localGroups) {
  static final StoreState EMPTY = new StoreState(TrieMap.empty(), TrieMap.empty());
}
