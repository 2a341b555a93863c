package dev.procgroups.model.node;

import dev.procgroups.model.Action;
import dev.procgroups.model.Delivery;
import java.util.List;

/** broadcast and broadcast_local: one delivery per member slot, the caller as sender. */
final class Broadcasts {

  private Broadcasts() {}

  static Object broadcast(Transition t, NodeCall.Broadcast call) {
    return send(t, call.instance(), call.group(), call.topic(), call.payload(), Action.BROADCAST);
  }

  static Object broadcastLocal(Transition t, NodeCall.BroadcastLocal call) {
    return send(
        t, call.instance(), call.group(), call.topic(), call.payload(), Action.BROADCAST_LOCAL);
  }

  private static Object send(
      Transition t,
      long instanceId,
      Object groupArg,
      Object topicArg,
      List<Object> payloadArgs,
      Action action) {
    Instance instance = Checks.usable(t.state(), instanceId);
    String group = LuaArguments.name(groupArg, "group");
    String topic = LuaArguments.name(topicArg, "topic");
    Object payload = LuaArguments.packedPayload(payloadArgs);
    Checks.permitted(t.state(), instance.owner(), action, group);
    ScopeState scope = Checks.running(t.state(), instance.scope());
    List<String> members =
        action == Action.BROADCAST ? scope.members(group) : scope.localMembers(group);
    for (String member : members) {
      t.deliver(new Delivery(member, instance.owner(), topic, payload));
    }
    return true;
  }
}
