package dev.procgroups.model;

import dev.procgroups.model.node.Monitored;
import dev.procgroups.model.node.NodeCall;
import dev.procgroups.model.node.NodeDriver;
import dev.procgroups.model.node.Read;
import dev.procgroups.model.node.Watching;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The code examples of pg-api.txt, section by section, as model scenarios with the outcome the doc
 * (as settled by SEMANTICS.md and DECISIONS.md) promises. {@link DocumentedTables} holds the rows
 * of the Permissions and Errors tables.
 */
public final class DocumentedExamples {

  static final String NODE = "n1";
  static final String SCOPE = "app:pg";
  static final String P1 = "{n1@app:processes|000001}";
  static final String P2 = "{n1@app:processes|000002}";
  static final String REMOTE = "{n2@app:processes|000001}";

  private DocumentedExamples() {}

  /** Every documented example and table row, in the doc's order. */
  public static List<Example> all() {
    List<Example> all = new ArrayList<>(prose());
    all.addAll(DocumentedTables.permissionRows());
    all.addAll(DocumentedTables.errorRows());
    return all;
  }

  /** The examples of the doc's prose sections. */
  public static List<Example> prose() {
    return List.of(
        new Example(
            "Opening a Scope: pg.open(\"app:pg\") returns an instance", DocumentedExamples::open),
        new Example(
            "Joining and Leaving: join, batch join, leave", DocumentedExamples::joinAndLeave),
        new Example(
            "Joining and Leaving: multi-join needs as many leaves", DocumentedExamples::multiJoin),
        new Example(
            "Joining and Leaving: batch leave is best-effort", DocumentedExamples::batchLeave),
        new Example(
            "Listing Members: all nodes, this node, unknown group", DocumentedExamples::members),
        new Example(
            "Listing Groups: which_groups and which_local_groups", DocumentedExamples::groups),
        new Example("Broadcasting: broadcast and broadcast_local", DocumentedExamples::broadcast),
        new Example("Monitoring a Group: snapshot, then events", DocumentedExamples::monitor),
        new Example(
            "Monitoring a Group: sub:close() and close({flush = true})", DocumentedExamples::close),
        new Example(
            "Watching All Groups: events() snapshot, then events", DocumentedExamples::events),
        new Example("Event Fields: system, kind, path, data", DocumentedExamples::eventFields),
        new Example(
            "Event Fields: buffer of 64, further events dropped", DocumentedExamples::buffer),
        new Example("Releasing: idempotent, then every method errors", DocumentedExamples::release),
        new Example(
            "Releasing: automatic when the process exits", DocumentedExamples::exitReleases));
  }

  static void open(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    node.ok(new NodeCall.Spawn(P1));
    Result opened = node.call(new NodeCall.Open(P1, SCOPE));
    run.expect(
        "pg.open(\"app:pg\") gives an instance handle",
        true,
        opened.isOk() && opened.value() instanceof Long);
  }

  static void joinAndLeave(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long group = node.spawnAndOpen(P1, SCOPE);
    run.expectOk("group:join(\"workers\")", true, node.call(new NodeCall.Join(group, "workers")));
    run.expectOk(
        "group:join({\"workers\", \"all\"})",
        true,
        node.call(new NodeCall.Join(group, List.of("workers", "all"))));
    run.expectOk("group:leave(\"workers\")", true, node.call(new NodeCall.Leave(group, "workers")));
    run.expectOk(
        "members of workers", List.of(P1), node.call(new NodeCall.GetMembers(group, "workers")));
    run.expectOk("members of all", List.of(P1), node.call(new NodeCall.GetMembers(group, "all")));
  }

  static void multiJoin(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long group = node.spawnAndOpen(P1, SCOPE);
    node.ok(new NodeCall.Join(group, "workers"));
    node.ok(new NodeCall.Join(group, "workers"));
    run.expectOk(
        "joined twice: listed twice",
        List.of(P1, P1),
        node.call(new NodeCall.GetMembers(group, "workers")));
    node.ok(new NodeCall.Leave(group, "workers"));
    run.expectOk(
        "one leave: still a member",
        List.of(P1),
        node.call(new NodeCall.GetMembers(group, "workers")));
    node.ok(new NodeCall.Leave(group, "workers"));
    run.expectOk(
        "second leave: departed", List.of(), node.call(new NodeCall.GetMembers(group, "workers")));
    run.expectError(
        "third leave", ErrorKind.INVALID, node.call(new NodeCall.Leave(group, "workers")));
  }

  static void batchLeave(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long group = node.spawnAndOpen(P1, SCOPE);
    node.ok(new NodeCall.Join(group, "workers"));
    run.expectOk(
        "leave({\"workers\", \"all\"}) as a member of workers only",
        true,
        node.call(new NodeCall.Leave(group, List.of("workers", "all"))));
    run.expectOk(
        "workers after the batch leave",
        List.of(),
        node.call(new NodeCall.GetMembers(group, "workers")));
    run.expectError(
        "leave({\"workers\", \"all\"}) as a member of none",
        ErrorKind.INVALID,
        node.call(new NodeCall.Leave(group, List.of("workers", "all"))));
  }

  static void members(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long group = node.spawnAndOpen(P1, SCOPE);
    node.ok(new NodeCall.Join(group, "workers"));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", Map.of("workers", List.of(REMOTE))));
    run.expectMembers(
        "get_members(\"workers\"): all nodes",
        List.of(P1, REMOTE),
        node.ok(new NodeCall.GetMembers(group, "workers")));
    run.expectOk(
        "get_local_members(\"workers\"): this node only",
        List.of(P1),
        node.call(new NodeCall.GetLocalMembers(group, "workers")));
    run.expectOk(
        "get_members of an unknown group",
        List.of(),
        node.call(new NodeCall.GetMembers(group, "nobody")));
  }

  static void groups(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long group = node.spawnAndOpen(P1, SCOPE);
    node.ok(new NodeCall.Join(group, "workers"));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", Map.of("all", List.of(REMOTE))));
    run.expectMembers(
        "which_groups(): all groups in the cluster",
        List.of("workers", "all"),
        node.ok(new NodeCall.WhichGroups(group)));
    run.expectOk(
        "which_local_groups(): groups with a local member",
        List.of("workers"),
        node.call(new NodeCall.WhichLocalGroups(group)));
  }

  static void broadcast(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long first = node.spawnAndOpen(P1, SCOPE);
    long second = node.spawnAndOpen(P2, SCOPE);
    node.ok(new NodeCall.Join(first, "workers"));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", Map.of("workers", List.of(REMOTE))));
    Map<String, Object> task = Map.of("id", 42L);
    var all = node.apply(new NodeCall.Broadcast(second, "workers", "task", List.of(task)));
    run.expectOk("group:broadcast(\"workers\", \"task\", {id = 42})", true, all.result());
    run.expectMembers(
        "broadcast reaches every member on all nodes",
        List.of(delivery(P1, P2, task), delivery(REMOTE, P2, task)),
        describe(all.deliveries()));
    var local = node.apply(new NodeCall.BroadcastLocal(second, "workers", "task", List.of(task)));
    run.expectOk("group:broadcast_local(\"workers\", \"task\", {id = 42})", true, local.result());
    run.expectMembers(
        "broadcast_local reaches this node's members only",
        List.of(delivery(P1, P2, task)),
        describe(local.deliveries()));
  }

  static void monitor(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long first = node.spawnAndOpen(P1, SCOPE);
    long second = node.spawnAndOpen(P2, SCOPE);
    node.ok(new NodeCall.Join(first, "workers"));
    Monitored monitored = (Monitored) node.ok(new NodeCall.Monitor(second, "workers"));
    run.expect("monitor(\"workers\") snapshot: current members", List.of(P1), monitored.members());
    node.ok(new NodeCall.Join(second, "workers"));
    node.ok(new NodeCall.Leave(first, "workers"));
    long sub = monitored.subscription();
    run.expectOk(
        "first receive",
        new Read.Received(Event.joined("workers", List.of(P2))),
        node.call(new NodeCall.Receive(sub)));
    run.expectOk(
        "second receive",
        new Read.Received(Event.left("workers", List.of(P1))),
        node.call(new NodeCall.Receive(sub)));
    run.expectOk("nothing more yet", Read.EMPTY, node.call(new NodeCall.Receive(sub)));
  }

  static void close(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long group = node.spawnAndOpen(P1, SCOPE);
    long kept = ((Monitored) node.ok(new NodeCall.Monitor(group, "workers"))).subscription();
    long flushed = ((Monitored) node.ok(new NodeCall.Monitor(group, "workers"))).subscription();
    node.ok(new NodeCall.Join(group, "workers"));
    run.expectOk("sub:close()", true, node.call(new NodeCall.Close(kept, false)));
    run.expectOk("sub:close({flush = true})", true, node.call(new NodeCall.Close(flushed, true)));
    node.ok(new NodeCall.Leave(group, "workers"));
    run.expectOk(
        "after close(): the buffered event",
        new Read.Received(Event.joined("workers", List.of(P1))),
        node.call(new NodeCall.Receive(kept)));
    run.expectOk("after close(): then closed", Read.CLOSED, node.call(new NodeCall.Receive(kept)));
    run.expectOk(
        "after close({flush = true}): closed at once",
        Read.CLOSED,
        node.call(new NodeCall.Receive(flushed)));
    run.expectOk("closing twice", true, node.call(new NodeCall.Close(kept, false)));
  }

  static void events(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long first = node.spawnAndOpen(P1, SCOPE);
    long second = node.spawnAndOpen(P2, SCOPE);
    node.ok(new NodeCall.Join(first, "workers"));
    node.ok(new NodeCall.Join(second, List.of("workers", "all")));
    Watching watching = (Watching) node.ok(new NodeCall.Events(first));
    run.expect(
        "events() snapshot",
        Map.of("workers", List.of(P1, P2), "all", List.of(P2)),
        watching.snapshot());
    node.ok(new NodeCall.Leave(second, List.of("all", "workers")));
    long sub = watching.subscription();
    run.expectOk(
        "receive: all",
        new Read.Received(Event.left("all", List.of(P2))),
        node.call(new NodeCall.Receive(sub)));
    run.expectOk(
        "receive: workers",
        new Read.Received(Event.left("workers", List.of(P2))),
        node.call(new NodeCall.Receive(sub)));
  }

  static void eventFields(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long group = node.spawnAndOpen(P1, SCOPE);
    long sub = ((Watching) node.ok(new NodeCall.Events(group))).subscription();
    node.ok(new NodeCall.Join(group, "workers"));
    Read read = (Read) node.ok(new NodeCall.Receive(sub));
    if (!(read instanceof Read.Received)) {
      run.fail("expected an event but was " + read);
      return;
    }
    Event event = ((Read.Received) read).event();
    run.expect("system", "pg", event.system());
    run.expect("kind", "member.joined", event.kind().wireName());
    run.expect("path", "workers", event.path());
    run.expect("data.Group", "workers", event.group());
    run.expect("data.PIDs", List.of(P1), event.pids());
  }

  static void buffer(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long group = node.spawnAndOpen(P1, SCOPE);
    long sub = ((Watching) node.ok(new NodeCall.Events(group))).subscription();
    for (int i = 0; i < 65; i++) {
      node.ok(new NodeCall.Join(group, "g" + i));
    }
    run.expectOk("dropped after 65 events", 1L, node.call(new NodeCall.Dropped(sub)));
    for (int i = 0; i < 64; i++) {
      run.expectOk(
          "buffered event " + i,
          new Read.Received(Event.joined("g" + i, List.of(P1))),
          node.call(new NodeCall.Receive(sub)));
    }
    run.expectOk("the 65th was dropped", Read.EMPTY, node.call(new NodeCall.Receive(sub)));
  }

  static void release(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long group = node.spawnAndOpen(P1, SCOPE);
    run.expectOk("group:release()", true, node.call(new NodeCall.Release(group)));
    run.expectOk("group:release() again", true, node.call(new NodeCall.Release(group)));
    for (NodeCall call : DocumentedTables.everyMethod(group, "workers")) {
      run.expectError(call + " after release", ErrorKind.INVALID, node.call(call));
    }
  }

  static void exitReleases(ExampleRun run) {
    NodeDriver node = NodeDriver.withScopes(NODE, SCOPE);
    long group = node.spawnAndOpen(P1, SCOPE);
    node.ok(new NodeCall.Spawn(P2));
    long other = (Long) node.ok(new NodeCall.Open(P2, SCOPE));
    node.ok(new NodeCall.Join(group, "workers"));
    node.ok(new NodeCall.Exit(P1));
    run.expectError(
        "join on the instance of an exited process",
        ErrorKind.INVALID,
        node.call(new NodeCall.Join(group, "workers")));
    run.expectOk(
        "its slots are gone", List.of(), node.call(new NodeCall.GetMembers(other, "workers")));
  }

  private static String delivery(String to, String from, Object payload) {
    return new Delivery(to, from, "task", payload).toString();
  }

  private static List<String> describe(List<Delivery> deliveries) {
    return deliveries.stream().map(Delivery::toString).toList();
  }
}
