package dev.procgroups.model;

import static dev.procgroups.model.DocumentedExamples.NODE;
import static dev.procgroups.model.DocumentedExamples.P1;
import static dev.procgroups.model.DocumentedExamples.SCOPE;

import dev.procgroups.model.node.NodeCall;
import dev.procgroups.model.node.NodeDriver;
import dev.procgroups.model.node.NodeState;
import dev.procgroups.model.policy.Policy;
import dev.procgroups.model.policy.Rule;
import dev.procgroups.model.policy.RulePolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rows of the doc's Permissions table (11) and Errors table (5) as model scenarios. */
public final class DocumentedTables {

  static final String OTHER_SCOPE = "app:other";

  private DocumentedTables() {}

  /** One call of every instance method (every permission but pg.open), on {@code group}. */
  public static List<NodeCall> everyMethod(long instance, String group) {
    return Arrays.stream(Action.values())
        .filter(action -> action != Action.OPEN)
        .map(action -> methodFor(action, instance, group))
        .toList();
  }

  /** The instance method that checks {@code action}, called on {@code group} with no payload. */
  public static NodeCall methodFor(Action action, long instance, String group) {
    switch (action) {
      case JOIN:
        return new NodeCall.Join(instance, group);
      case LEAVE:
        return new NodeCall.Leave(instance, group);
      case GET_MEMBERS:
        return new NodeCall.GetMembers(instance, group);
      case GET_LOCAL_MEMBERS:
        return new NodeCall.GetLocalMembers(instance, group);
      case WHICH_GROUPS:
        return new NodeCall.WhichGroups(instance);
      case WHICH_LOCAL_GROUPS:
        return new NodeCall.WhichLocalGroups(instance);
      case BROADCAST:
        return new NodeCall.Broadcast(instance, group, "task", List.of());
      case BROADCAST_LOCAL:
        return new NodeCall.BroadcastLocal(instance, group, "task", List.of());
      case MONITOR:
        return new NodeCall.Monitor(instance, group);
      case EVENTS:
        return new NodeCall.Events(instance);
      default:
        throw new IllegalArgumentException(action + " is not an instance method");
    }
  }

  /**
   * Per row: a policy that allows everything except this permission on one resource ("workers", or
   * the scope id for scope permissions). The call on that resource is PERMISSION_DENIED and changes
   * nothing; the same call on another resource passes the permission check.
   */
  public static List<Example> permissionRows() {
    List<Example> rows = new ArrayList<>();
    for (Action action : Action.values()) {
      String name =
          "Permissions: "
              + action.permission()
              + " on "
              + action.method()
              + " ("
              + (action.checkedOnScope() ? "scope id" : "group name")
              + ")";
      rows.add(new Example(name, run -> permissionRow(run, action)));
    }
    return rows;
  }

  private static void permissionRow(ExampleRun run, Action action) {
    String denied = action.checkedOnScope() ? SCOPE : "workers";
    Policy policy = RulePolicy.of(Rule.allow("*", "*"), Rule.deny(action.permission(), denied));
    NodeDriver node = new NodeDriver(NodeState.initial(NODE, policy));
    node.ok(new NodeCall.RegisterScope(SCOPE, null));
    node.ok(new NodeCall.RegisterScope(OTHER_SCOPE, null));
    node.ok(new NodeCall.Spawn(P1));
    if (action == Action.OPEN) {
      run.expectError(
          "pg.open(\"app:pg\")",
          ErrorKind.PERMISSION_DENIED,
          node.call(new NodeCall.Open(P1, SCOPE)));
      run.expect(
          "pg.open(\"app:other\") allowed",
          true,
          node.call(new NodeCall.Open(P1, OTHER_SCOPE)).isOk());
      return;
    }
    long instance = (Long) node.ok(new NodeCall.Open(P1, SCOPE));
    long otherScope = (Long) node.ok(new NodeCall.Open(P1, OTHER_SCOPE));
    if (action != Action.JOIN) {
      node.ok(new NodeCall.Join(instance, List.of("workers", "others")));
    }
    node.ok(new NodeCall.Join(instance, "others"));
    NodeState before = node.state();
    NodeCall call = methodFor(action, instance, "workers");
    run.expectError(call.toString(), ErrorKind.PERMISSION_DENIED, node.call(call));
    run.expect("state after the denied call", before, node.state());
    NodeCall allowed =
        action.checkedOnScope()
            ? methodFor(action, otherScope, "workers")
            : methodFor(action, instance, "others");
    run.expect(allowed + " allowed", true, node.call(allowed).isOk());
  }

  /** The five rows of the Errors table. */
  public static List<Example> errorRows() {
    return List.of(
        new Example("Errors: permission denied -> PERMISSION_DENIED", DocumentedTables::deniedRow),
        new Example("Errors: missing or empty argument -> INVALID", DocumentedTables::invalidRow),
        new Example("Errors: scope not found -> NOT_FOUND", DocumentedTables::notFoundRow),
        new Example(
            "Errors: leave a group with no membership -> INVALID",
            DocumentedTables::noMembershipRow),
        new Example("Errors: instance released -> INVALID", DocumentedTables::releasedRow));
  }

  private static void deniedRow(ExampleRun run) {
    Policy policy = RulePolicy.of(Rule.allow("pg.open", "*"));
    NodeDriver node = new NodeDriver(NodeState.initial(NODE, policy));
    node.ok(new NodeCall.RegisterScope(SCOPE, null));
    long instance = node.spawnAndOpen(P1, SCOPE);
    for (NodeCall call : everyMethod(instance, "workers")) {
      run.expectError(call.toString(), ErrorKind.PERMISSION_DENIED, node.call(call));
    }
  }

  private static void invalidRow(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long g = node.spawnAndOpen(P1, SCOPE);
    List<NodeCall> calls = new ArrayList<>();
    for (Object bad : new Object[] {null, ""}) {
      calls.add(new NodeCall.Open(P1, bad));
      calls.add(new NodeCall.Join(g, bad));
      calls.add(new NodeCall.Leave(g, bad));
      calls.add(new NodeCall.GetMembers(g, bad));
      calls.add(new NodeCall.GetLocalMembers(g, bad));
      calls.add(new NodeCall.Broadcast(g, bad, "task", List.of()));
      calls.add(new NodeCall.Broadcast(g, "workers", bad, List.of()));
      calls.add(new NodeCall.BroadcastLocal(g, bad, "task", List.of()));
      calls.add(new NodeCall.BroadcastLocal(g, "workers", bad, List.of()));
      calls.add(new NodeCall.Monitor(g, bad));
    }
    calls.add(new NodeCall.Join(g, List.of()));
    calls.add(new NodeCall.Leave(g, List.of()));
    for (NodeCall call : calls) {
      run.expectError(call.toString(), ErrorKind.INVALID, node.call(call));
    }
  }

  private static void notFoundRow(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    node.ok(new NodeCall.Spawn(P1));
    run.expectError(
        "pg.open(\"app:missing\")",
        ErrorKind.NOT_FOUND,
        node.call(new NodeCall.Open(P1, "app:missing")));
  }

  private static void noMembershipRow(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long g = node.spawnAndOpen(P1, SCOPE);
    run.expectError(
        "leave(\"workers\") without joining",
        ErrorKind.INVALID,
        node.call(new NodeCall.Leave(g, "workers")));
  }

  private static void releasedRow(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long g = node.spawnAndOpen(P1, SCOPE);
    node.ok(new NodeCall.Join(g, "workers"));
    node.ok(new NodeCall.Release(g));
    run.expectError(
        "leave(\"workers\") after release",
        ErrorKind.INVALID,
        node.call(new NodeCall.Leave(g, "workers")));
    run.expect(
        "release does not leave groups", List.of(P1), node.state().localMembers(SCOPE, "workers"));
  }
}
