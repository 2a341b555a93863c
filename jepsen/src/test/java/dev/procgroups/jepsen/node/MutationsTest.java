package dev.procgroups.jepsen.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MutationsTest {

  /** One planted bug of each core package that has them: a package left out of the list fails. */
  @Test
  void everyCorePackagesPlantedBugsAreKnown() {
    List<String> names =
        List.of(
            "LEAVE_OLDEST_SLOT",
            "NO_ANTI_ENTROPY",
            "WALL_CLOCK_TIMEOUTS",
            "TLS_NAMES_UNCHECKED",
            "DOUBLE_BROADCAST");
    Mutations parsed = Mutations.parse(names);
    assertThat(parsed.library())
        .containsExactly(
            "LEAVE_OLDEST_SLOT", "NO_ANTI_ENTROPY", "WALL_CLOCK_TIMEOUTS", "TLS_NAMES_UNCHECKED");
    assertThat(parsed.node()).containsExactly(NodeMutant.DOUBLE_BROADCAST);
  }
}
