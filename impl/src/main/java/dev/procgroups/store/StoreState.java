package dev.procgroups.store;

import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;

/**
 * Everything readers see at one store version, published by one volatile write per store write:
 * the non-empty groups and the names of those with a local member. Persistent maps keep a write
 * O(log groups) while every read sees one consistent version.
 */
record StoreState(PMap<String, GroupState> groups, PSet<String> localGroups) {
  static final StoreState EMPTY = new StoreState(HashTreePMap.empty(), HashTreePSet.empty());
}
