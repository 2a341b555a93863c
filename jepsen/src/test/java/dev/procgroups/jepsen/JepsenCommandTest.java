package dev.procgroups.jepsen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.cli.ProcgroupsCli;
import dev.procgroups.model.checkers.Validity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exit codes that mean one thing each, and their documentation in --help. No root needed. */
class JepsenCommandTest {

  @Test
  void invalidWinsOverUnknownAndUnknownOverValid() {
    assertThat(JepsenCommand.exitCode(List.of(Validity.VALID, Validity.VALID))).isZero();
    assertThat(JepsenCommand.exitCode(List.of(Validity.VALID, Validity.INVALID, Validity.UNKNOWN)))
        .isEqualTo(1);
    assertThat(JepsenCommand.exitCode(List.of(Validity.VALID, Validity.UNKNOWN))).isEqualTo(3);
    assertThat(JepsenCommand.exitCode(List.of())).as("nothing checked").isEqualTo(3);
  }

  @Test
  void aStoreThatCannotBeWrittenIsAnEnvironmentFailureNotAVerdict() {
    // /dev/full is a device: nothing can be made under it, and writes to it fail with ENOSPC.
    int exit =
        ProcgroupsCli.commandLine()
            .execute("jepsen", "--store", "/dev/full/store", "--time-limit", "1");
    assertThat(exit).isEqualTo(2);
  }

  @Test
  void anUnknownMutationIsRefusedBeforeAnythingStarts() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      // Were the name not checked first, the unwritable store would stop the run (also exit 2).
      exit =
          ProcgroupsCli.commandLine()
              .execute("jepsen", "--store", "/dev/full/store", "--mutation", "DOUBLE_BROADCATS");
    } finally {
      System.setErr(stderr);
    }
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("procgroups jepsen: --mutation: no planted bug named \"DOUBLE_BROADCATS\"");
  }

  @Test
  void helpDocumentsEveryExitCode() {
    StringWriter out = new StringWriter();
    var cli = ProcgroupsCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.execute("jepsen", "--help");
    assertThat(out.toString())
        .contains(
            "Exit codes:",
            "0   every checker valid",
            "1   a checker found",
            "2   setup or environment failure",
            "disk full",
            "3   a verdict is unknown",
            "90 % of")
        .doesNotContain("%n");
  }
}
