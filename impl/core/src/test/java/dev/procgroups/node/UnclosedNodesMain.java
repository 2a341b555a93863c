package dev.procgroups.node;

import dev.procgroups.api.GroupName;
import dev.procgroups.api.Member;
import dev.procgroups.api.Payload;
import dev.procgroups.api.ProcessGroups;
import dev.procgroups.security.SecurityPolicy;
import java.util.Map;

/**
 * A program that starts two nodes, joins a group from {@code main} on one and waits until the other
 * lists the member, prints "joined", and returns without closing anything: {@link
 * NodeLifecycleTest} checks that its JVM then exits by itself.
 */
public final class UnclosedNodesMain {

  private UnclosedNodesMain() {}

  public static void main(String[] args) throws Exception {
    LocalCluster cluster =
        new LocalCluster(2, Map.of("app:pg", Map.of()), SecurityPolicy.allowAll());
    ProcessGroups first = ProcessGroups.open(cluster.node(1), "app:pg");
    ProcessGroups second = ProcessGroups.open(cluster.node(2), "app:pg");
    Member member = first.register(delivery -> {});
    GroupName group = GroupName.of("workers");
    member.join(group);
    while (!second.members(group).contains(member.pid())) {
      Thread.sleep(10);
    }
    second.broadcast(group, "hello", Payload.of("from main"));
    System.out.println("joined");
  }
}
