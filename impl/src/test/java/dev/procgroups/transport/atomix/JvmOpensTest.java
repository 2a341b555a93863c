package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport explains the missing {@code --add-opens} instead of failing inside Kryo. */
class JvmOpensTest {

  @Test
  void passesWhenTheAtomicPackageIsOpened() {
    // Surefire runs with the root pom's procgroups.jvm.opens.
    assertThatNoException().isThrownBy(JvmOpens::requireAtomicOpened);
  }

  @Test
  @Timeout(60)
  void aJvmWithoutTheFlagGetsAnErrorNamingIt() throws Exception {
    String firstLine = runWithoutOpens();

    assertThat(firstLine)
        .startsWith("FAILED")
        .contains(JvmOpens.REQUIRED_FLAG);
  }

  /** Starts a transport in a child JVM with the test class path and no JVM options. */
  private static String runWithoutOpens() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java,
            "-cp", System.getProperty("java.class.path"),
            StartWithoutOpensMain.class.getName(), Integer.toString(FreePorts.next())))
        .redirectErrorStream(true)
        .start();
    child.getOutputStream().close();
    if (!child.waitFor(50, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("child JVM did not finish");
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return output.lines().findFirst().orElse("");
  }
}
