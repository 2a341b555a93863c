package dev.procgroups.jepsen.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartitionsTest {
  private static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");
  private static final List<String> THREE = List.of("n1", "n2", "n3");

  @Test
  void halvesCutEveryCrossingPairBothWays() {
    Partition p = Partitions.randomHalves(FIVE, new Random(1));
    long crossing =
        FIVE.stream().flatMap(a -> FIVE.stream().filter(b -> !p.connected(a, b))).count();
    assertThat(crossing).isEqualTo(2 * 2 * 3);
    FIVE.forEach(
        a -> FIVE.forEach(b -> assertThat(p.connected(a, b)).isEqualTo(p.connected(b, a))));
  }

  @Test
  void isolateCutsOneNodeFromAllOthers() {
    Partition p = Partitions.isolate("n2", THREE);
    assertThat(p.cuts())
        .containsExactlyInAnyOrder(
            new Cut("n2", "n1"), new Cut("n1", "n2"), new Cut("n2", "n3"), new Cut("n3", "n2"));
  }

  @Test
  void majorityRingLetsEveryNodeSeeADifferentMajority() {
    for (int seed = 0; seed < 20; seed++) {
      Partition p = Partitions.majorityRing(FIVE, new Random(seed));
      List<List<String>> views =
          FIVE.stream()
              .map(a -> FIVE.stream().filter(b -> p.connected(a, b)).sorted().toList())
              .toList();
      assertThat(views).allSatisfy(v -> assertThat(v).hasSize(3)).doesNotHaveDuplicates();
    }
  }

  @Test
  void bridgeNodeSeesEveryoneAndTheSidesSeeOnlyItAndThemselves() {
    Partition p = Partitions.bridge(THREE, new Random(3));
    List<String> bridges =
        THREE.stream().filter(a -> THREE.stream().allMatch(b -> p.connected(a, b))).toList();
    assertThat(bridges).hasSize(1);
    assertThat(p.cuts()).hasSize(2);
  }

  @Test
  void oneWayCutsOnlyOneDirection() {
    Partition p = Partitions.oneWay(List.of("n1"), List.of("n2", "n3"));
    assertThat(p.connected("n1", "n2")).isFalse();
    assertThat(p.connected("n2", "n1")).isTrue();
    assertThat(p.connected("n2", "n3")).isTrue();
  }
}
