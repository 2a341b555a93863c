package dev.procgroups.jepsen.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NemesisKindTest {

  @Test
  void allNamesEveryFaultTrustTheTrustBoundaryOnes() {
    assertThat(NemesisKind.parse("all")).containsExactlyInAnyOrder(NemesisKind.values());
    assertThat(NemesisKind.parse("trust"))
        .containsExactlyInAnyOrder(
            NemesisKind.STALE_RESTART, NemesisKind.IMPOSTOR, NemesisKind.CLOCK);
    assertThat(NemesisKind.parse("partition,loss"))
        .allMatch(k -> k.isPartition() || k == NemesisKind.LOSS);
  }

  @Test
  void quantilesAreNearestRank() {
    List<Double> ms = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      ms.add((double) (101 - i));
    }
    assertThat(Report.quantile(ms, 0.5)).isEqualTo(50.0);
    assertThat(Report.quantile(ms, 0.99)).isEqualTo(99.0);
    assertThat(Report.quantile(ms, 1.0)).isEqualTo(100.0);
  }
}
