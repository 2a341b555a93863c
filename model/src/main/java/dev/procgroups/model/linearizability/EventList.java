package dev.procgroups.model.linearizability;

import java.util.Arrays;

/**
 * The calls' invocation and return events in history order, as the Wing–Gong–Lowe search walks
 * them: a circular doubly linked list whose sentinel is {@link #head()}, from which a placed
 * ("lifted") call's events are unlinked and relinked in O(1). Shared by {@link WglSearch} and the
 * slot checker's search.
 */
public final class EventList {

  private final int head;
  private final int[] next;
  private final int[] prev;
  private final int[] call;
  private final boolean[] isReturn;
  private final int[] callNode;
  private final int[] returnNode;

  /**
   * @param invokeKey each call's invocation position
   * @param returnKey each call's return position, or -1 when it has no return event; a return at
   *     its own invocation's position comes right after that invocation
   */
  public EventList(long[] invokeKey, long[] returnKey) {
    int n = invokeKey.length;
    long[][] order = new long[2 * n][]; // {position, isReturn, call}
    int m = 0;
    for (int s = 0; s < n; s++) {
      order[m++] = new long[] {invokeKey[s], 0, s};
      if (returnKey[s] >= 0) {
        order[m++] = new long[] {returnKey[s], 1, s};
      }
    }
    Arrays.sort(
        order,
        0,
        m,
        (a, b) ->
            a[0] != b[0]
                ? Long.compare(a[0], b[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
    head = m;
    next = new int[m + 1];
    prev = new int[m + 1];
    call = new int[m + 1];
    isReturn = new boolean[m + 1];
    callNode = new int[n];
    returnNode = new int[n];
    Arrays.fill(returnNode, -1);
    for (int node = 0; node < m; node++) {
      call[node] = (int) order[node][2];
      isReturn[node] = order[node][1] == 1;
      (isReturn[node] ? returnNode : callNode)[call[node]] = node;
    }
    for (int node = 0; node <= m; node++) {
      next[node] = node == m ? 0 : node + 1;
      prev[node] = node == 0 ? m : node - 1;
    }
    if (m == 0) {
      next[head] = head;
      prev[head] = head;
    } else {
      next[m - 1] = head;
    }
  }

  public int head() {
    return head;
  }

  /** The first event still in the list (the head when it is empty). */
  public int first() {
    return next[head];
  }

  public int next(int node) {
    return next[node];
  }

  /** The event after call {@code s}'s invocation, as it was linked before {@code s} was lifted. */
  public int afterCall(int s) {
    return next[callNode[s]];
  }

  public int call(int node) {
    return call[node];
  }

  public boolean isReturn(int node) {
    return isReturn[node];
  }

  /** Unlinks call {@code s}'s events. */
  public void lift(int s) {
    unlink(callNode[s]);
    if (returnNode[s] >= 0) {
      unlink(returnNode[s]);
    }
  }

  /** Exactly the reverse of {@link #lift}, so the removed nodes' own links are still valid. */
  public void unlift(int s) {
    if (returnNode[s] >= 0) {
      relink(returnNode[s]);
    }
    relink(callNode[s]);
  }

  private void unlink(int node) {
    next[prev[node]] = next[node];
    prev[next[node]] = prev[node];
  }

  private void relink(int node) {
    next[prev[node]] = node;
    prev[next[node]] = node;
  }
}
