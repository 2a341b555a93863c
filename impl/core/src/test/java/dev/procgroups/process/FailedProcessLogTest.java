package dev.procgroups.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A process body that throws is logged with its PID (slf4j-simple writes to System.err). */
class FailedProcessLogTest {

  @Test
  void aThrowingBodyIsLoggedWithItsPid() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (ProcessRuntime runtime = ProcessRuntime.create("n1", 1)) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      RunningProcess process =
          runtime.spawn(
              ctx -> {
                throw new IllegalStateException("boom in the body");
              });
      assertThat(process.awaitExit(Duration.ofSeconds(10))).isTrue();
      String log = captured.toString(StandardCharsets.UTF_8);
      assertThat(log).contains("process " + process.pid() + " failed").contains("boom in the body");
    } finally {
      System.setErr(original);
    }
  }
}
