package dev.procgroups.model.node;

import dev.procgroups.model.Action;
import dev.procgroups.model.ErrorKind;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks every API call makes, in the order of DECISIONS.md: (1) instance released, (2)
 * argument validation ({@link LuaArguments}), (3) permission, (4) scope limits, (5) the action,
 * which needs an existing (else NOT_FOUND), running (else UNAVAILABLE) scope.
 */
final class Checks {

  private Checks() {}

  /** Check 1: the instance must not be released (release() and process exit release it). */
  static Instance usable(NodeState state, long instanceId) {
    Instance instance = state.instance(instanceId);
    if (instance.released()) {
      throw new Rejection(ErrorKind.INVALID, "instance released");
    }
    return instance;
  }

  /** A call on one named group that passed checks 1 to 3. */
  record GroupCall(Instance instance, String group) {}

  /** Checks 1 to 3 for a call whose only argument is one group name. */
  static GroupCall groupCall(NodeState state, long instanceId, Object groupArg, Action action) {
    Instance instance = usable(state, instanceId);
    String group = LuaArguments.name(groupArg, "group");
    permitted(state, instance.owner(), action, group);
    return new GroupCall(instance, group);
  }

  /** Check 3, for each resource in order; the first denial rejects the whole call. */
  static void permitted(NodeState state, String pid, Action action, List<String> resources) {
    for (String resource : resources) {
      if (!state.policy().permits(pid, action, resource)) {
        throw new Rejection(
            ErrorKind.PERMISSION_DENIED, action.permission() + " denied on " + resource);
      }
    }
  }

  static void permitted(NodeState state, String pid, Action action, String resource) {
    permitted(state, pid, action, List.of(resource));
  }

  /** Check 4: a join must keep the local groups and each group's local slots within the config. */
  static void withinLimits(ScopeState scope, List<String> joining) {
    ScopeConfig config = scope.config();
    Set<String> groupsAfter = new LinkedHashSet<>(scope.localGroups());
    groupsAfter.addAll(joining);
    if (config.maxGroups().isPresent() && groupsAfter.size() > config.maxGroups().getAsInt()) {
      throw new Rejection(
          ErrorKind.RATE_LIMITED,
          "max_groups: more than " + config.maxGroups().getAsInt() + " local groups");
    }
    if (config.maxMembersPerGroup().isPresent()) {
      int max = config.maxMembersPerGroup().getAsInt();
      for (String group : new LinkedHashSet<>(joining)) {
        if (scope.localMembers(group).size() + Collections.frequency(joining, group) > max) {
          throw new Rejection(
              ErrorKind.RATE_LIMITED,
              "max_members_per_group: more than " + max + " local members in " + group);
        }
      }
    }
  }

  /** For step 5: the scope entry must exist and be running. */
  static ScopeState running(NodeState state, String scopeId) {
    ScopeState scope = state.scope(scopeId);
    if (scope == null) {
      throw new Rejection(ErrorKind.NOT_FOUND, "scope " + scopeId + " not found");
    }
    if (scope.stopped()) {
      throw new Rejection(ErrorKind.UNAVAILABLE, "scope " + scopeId + " is stopped");
    }
    return scope;
  }

  /** Model misuse (not an API error): only live processes make calls. */
  static void alive(NodeState state, String pid) {
    if (!state.isAlive(pid)) {
      throw new IllegalArgumentException("process " + pid + " is not alive on " + state.node());
    }
  }
}
