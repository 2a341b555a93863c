package dev.procgroups.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's TAP and JUnit XML reports into one folder. */
public final class Reports {

  private Reports() {}

  /** Writes {@code conformance.tap} and {@code junit.xml} under {@code dir}; returns the TAP path. */
  public static Path write(Path dir, String runtimeName, List<ScriptResult> results) throws IOException {
    Files.createDirectories(dir);
    Path tap = dir.resolve("conformance.tap");
    Files.writeString(tap, TapReport.render(results), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("junit.xml"), JUnitXmlReport.render(runtimeName, results),
        StandardCharsets.UTF_8);
    return tap;
  }

  /** One console line per result: status, script, cluster size, time, and why it failed. */
  public static String line(ScriptResult r) {
    String status = r.skipped() != null ? "skip" : r.passed() ? "pass" : "FAIL";
    String detail = r.skipped() != null ? r.skipped()
        : r.outcome().millis() + " ms" + (r.passed() ? "" : failure(r.outcome()));
    return String.format("%-4s %-34s %d node%s  %s", status, r.script().id(), r.nodes(),
        r.nodes() == 1 ? " " : "s", detail);
  }

  private static String failure(ScriptOutcome o) {
    if (!o.completed()) {
      return " — " + o.failure();
    }
    return " — " + o.output().stream().filter(l -> l.startsWith("not ok")).findFirst().orElse("");
  }
}
