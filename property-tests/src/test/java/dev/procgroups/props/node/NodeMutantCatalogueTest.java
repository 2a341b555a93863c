package dev.procgroups.props.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.testing.PlantedBugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.state.ActionChain;

/**
 * Each planted store bug must make the model-vs-implementation comparison fail: call sequences from
 * fixed seeds run against a mutated store until one disagrees with the model (at most {@value
 * #MAX_SEQUENCES} each). A jqwik example, so that jqwik's generators can run in it.
 */
class NodeMutantCatalogueTest {
  private static final int MAX_SEQUENCES = 2_000;

  @Example
  void theModelComparisonCatchesEveryStoreMutant() {
    List<String> survivors = new ArrayList<>();
    List<String> mutations = PlantedBugs.of("store");
    for (int i = 0; i < mutations.size(); i++) {
      String mutation = mutations.get(i);
      Random random = new Random(i); // its declaration index: the seed it always had
      if (!PlantedBugs.with(Set.of(mutation), () -> caught(mutation, random))) {
        survivors.add(mutation);
      }
    }
    assertThat(survivors).as("store mutants the model comparison did not catch").isEmpty();
  }

  /** Whether a sequence from {@code random} catches {@code mutation}, planted by the caller. */
  private static boolean caught(String mutation, Random random) {
    RandomGenerator<ActionChain<Twin>> generator =
        NodeTwinProperties.twinSequences().generator(1000);
    for (int tried = 1; tried <= MAX_SEQUENCES; tried++) {
      try {
        generator.next(random).value().run();
      } catch (AssertionError disagreement) {
        System.out.printf(
            "%s caught by sequence %d: %s%n",
            mutation,
            tried,
            disagreement.getMessage().lines().filter(l -> l.contains("[")).findFirst().orElse(""));
        return true;
      }
    }
    System.out.printf("%s survived %d sequences%n", mutation, MAX_SEQUENCES);
    return false;
  }
}
