package dev.procgroups.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncarnationFileTest {

  private static final long NOW = 1_800_000_000_000L;

  @Test
  void theFirstStartUsesTheWallClockInCentiseconds(@TempDir Path dir) throws IOException {
    assertThat(IncarnationFile.next(dir.resolve("fresh"), NOW)).isEqualTo(NOW / 10);
  }

  @Test
  void aStartAfterTheClockSteppedBackIsStillLarger(@TempDir Path dir) throws IOException {
    long first = IncarnationFile.next(dir, NOW);
    long second = IncarnationFile.next(dir, NOW - 3_600_000);
    long third = IncarnationFile.next(dir, NOW - 3_600_000);
    assertThat(second).isEqualTo(first + 1);
    assertThat(third).isEqualTo(first + 2);
    assertThat(IncarnationFile.next(dir, NOW + 60_000)).isEqualTo((NOW + 60_000) / 10);
  }

  @Test
  void aDamagedFileIsAnErrorNotAGuess(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(IncarnationFile.NAME), "garbage");
    assertThatThrownBy(() -> IncarnationFile.next(dir, NOW))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("does not hold a positive incarnation");
  }
}
