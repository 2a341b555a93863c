package dev.procgroups.model.node;

import dev.procgroups.model.Action;

/** get_members, get_local_members, which_groups, which_local_groups: reads, no state change. */
final class Queries {

  private Queries() {}

  static Object members(Transition t, NodeCall.GetMembers call) {
    Checks.GroupCall c =
        Checks.groupCall(t.state(), call.instance(), call.group(), Action.GET_MEMBERS);
    return Checks.running(t.state(), c.instance().scope()).members(c.group());
  }

  static Object localMembers(Transition t, NodeCall.GetLocalMembers call) {
    Checks.GroupCall c =
        Checks.groupCall(t.state(), call.instance(), call.group(), Action.GET_LOCAL_MEMBERS);
    return Checks.running(t.state(), c.instance().scope()).localMembers(c.group());
  }

  static Object groups(Transition t, NodeCall.WhichGroups call) {
    Instance instance = Checks.usable(t.state(), call.instance());
    Checks.permitted(t.state(), instance.owner(), Action.WHICH_GROUPS, instance.scope());
    return Checks.running(t.state(), instance.scope()).groups();
  }

  static Object localGroups(Transition t, NodeCall.WhichLocalGroups call) {
    Instance instance = Checks.usable(t.state(), call.instance());
    Checks.permitted(t.state(), instance.owner(), Action.WHICH_LOCAL_GROUPS, instance.scope());
    return Checks.running(t.state(), instance.scope()).localGroups();
  }
}
