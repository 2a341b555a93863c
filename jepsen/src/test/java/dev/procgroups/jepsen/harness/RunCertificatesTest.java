package dev.procgroups.jepsen.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunCertificatesTest {

  /** The suite's store is a relative path (target/jepsen-store): openssl runs elsewhere. */
  @Test
  void aRelativeDirectoryGivesAbsoluteFilesThatExist() throws Exception {
    assumeTrue(onPath("openssl"), "openssl is not installed");
    Path relative = Path.of("target", "run-certificates-" + System.nanoTime());
    List<String> options = RunCertificates.create(relative).issue("n1", "n1");
    assertThat(options).hasSize(6);
    for (int i = 1; i < options.size(); i += 2) {
      Path file = Path.of(options.get(i));
      assertThat(file).isAbsolute().isNotEmptyFile();
    }
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
