package dev.procgroups.model.node;

import static dev.procgroups.model.node.Fixtures.A;
import static dev.procgroups.model.node.Fixtures.B;
import static dev.procgroups.model.node.Fixtures.R1;
import static dev.procgroups.model.node.Fixtures.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.Delivery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SEMANTICS.md "Broadcast" and DECISIONS.md "Broadcast". */
class BroadcastRulesTest {

  private final NodeDriver node = Fixtures.node();
  private final long a = node.spawnAndOpen(A, SCOPE);
  private final long b = node.spawnAndOpen(B, SCOPE);

  private List<Delivery> broadcast(long from, Object... payload) {
    return node.apply(new NodeCall.Broadcast(from, "g", "topic", Arrays.asList(payload)))
        .deliveries();
  }

  @Test
  void everyMemberSlotGetsOneDeliveryAndTheCallerToIfItIsAMember() {
    node.ok(new NodeCall.Join(a, List.of("g", "g")));
    node.ok(new NodeCall.Join(b, "g"));
    assertThat(broadcast(b, "hi"))
        .containsExactly(
            new Delivery(A, B, "topic", "hi"),
            new Delivery(A, B, "topic", "hi"),
            new Delivery(B, B, "topic", "hi"));
  }

  @Test
  void zeroMembersIsStillTrue() {
    Step step = node.apply(new NodeCall.Broadcast(a, "nobody", "t", List.of()));
    assertThat(step.result().value()).isEqualTo(true);
    assertThat(step.deliveries()).isEmpty();
  }

  @Test
  void payloadIsNilOneValueOrAnArray() {
    node.ok(new NodeCall.Join(a, "g"));
    assertThat(broadcast(b)).extracting(Delivery::payload).containsExactly((Object) null);
    assertThat(broadcast(b, 7L)).extracting(Delivery::payload).containsExactly(7L);
    assertThat(broadcast(b, Map.of("id", 42L)))
        .extracting(Delivery::payload)
        .containsExactly(Map.of("id", 42L));
    assertThat(broadcast(b, 1L, "two", null))
        .extracting(Delivery::payload)
        .containsExactly(Arrays.asList(1L, "two", null));
  }

  @Test
  void theDeliveredPayloadIsACopy() {
    node.ok(new NodeCall.Join(a, "g"));
    List<Object> mutable = new ArrayList<>(List.of("x"));
    List<Delivery> deliveries = broadcast(b, mutable);
    mutable.add("changed later");
    assertThat(deliveries.get(0).payload()).isEqualTo(List.of("x"));
  }

  @Test
  void broadcastReachesRemoteSlotsAndBroadcastLocalOnlyLocalOnes() {
    node.ok(new NodeCall.Join(a, "g"));
    node.ok(new NodeCall.RemoteSync(SCOPE, "n2", Map.of("g", List.of(R1, R1))));
    assertThat(broadcast(b, "m")).extracting(Delivery::to).containsExactlyInAnyOrder(A, R1, R1);
    assertThat(node.apply(new NodeCall.BroadcastLocal(b, "g", "t", List.of())).deliveries())
        .extracting(Delivery::to)
        .containsExactly(A);
  }

  @Test
  void broadcastChangesNoMembership() {
    node.ok(new NodeCall.Join(a, "g"));
    Step step = node.apply(new NodeCall.Broadcast(b, "g", "t", List.of()));
    assertThat(step.events()).isEmpty();
    assertThat(step.state()).isEqualTo(node.steps().get(node.steps().size() - 2).state());
  }
}
