package dev.procgroups.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes a run's reports into one folder and the lines the console shows. */
public final class Reports {

  /** Report file names under the output folder. */
  public static final String TAP = "conformance.tap";

  public static final String JUNIT = "junit.xml";
  public static final String JSON = "summary.json";

  private Reports() {}

  /** What every report names: the suite's version, the runtime and what it declared. */
  public record Run(String suiteVersion, String runtime, Set<Capability> capabilities) {}

  /** Writes the TAP 14, JUnit XML and JSON reports under {@code dir}. */
  public static void write(Path dir, Run run, List<ScriptResult> results) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(TAP), TapReport.render(run, results), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve(JUNIT), JUnitXmlReport.render(run, results), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(JSON), json(run, results), StandardCharsets.UTF_8);
  }

  static String json(Run run, List<ScriptResult> results) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("suiteVersion", run.suiteVersion());
    doc.put("runtime", run.runtime());
    doc.put("capabilities", run.capabilities().stream().map(Capability::word).sorted().toList());
    Summary summary = Summary.of(results);
    doc.put("total", summary.total());
    doc.put("byTag", summary.byTag());
    doc.put("byCapability", summary.byCapability());
    List<Map<String, Object>> cases = new ArrayList<>();
    for (ScriptResult r : results) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", r.script().id());
      c.put("nodes", r.nodes());
      c.put("status", r.status());
      c.put("tags", r.script().tags().stream().sorted().toList());
      c.put("needs", r.script().needs().stream().map(Capability::word).sorted().toList());
      if (r.skipped() != null) {
        c.put("skipped", r.skipped());
      } else {
        c.put("millis", r.outcome().millis());
        if (r.failed()) {
          c.put("failure", r.outcome().failure());
          c.put("failingLines", r.outcome().failingLines());
          c.put("stderrTail", r.outcome().stderrTail());
        }
      }
      cases.add(c);
    }
    doc.put("cases", cases);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
  }

  /** One console line per result: status, case, cluster size, time, and why it was skipped. */
  public static String line(ScriptResult r) {
    String detail =
        r.skipped() != null
            ? "# SKIP " + r.skipped()
            : r.outcome().millis()
                + " ms"
                + (r.passed() || r.outcome().completed() ? "" : " — " + r.outcome().failure());
    return String.format(
        "%-4s %-34s %d node%s  %s",
        r.status().toUpperCase(Locale.ROOT),
        r.script().id(),
        r.nodes(),
        r.nodes() == 1 ? " " : "s",
        detail);
  }

  /**
   * What the console shows for a result: its line and, for a failure, the failing TAP lines and the
   * tail of the runtime's error stream.
   */
  public static List<String> console(ScriptResult r) {
    List<String> lines = new ArrayList<>(List.of(line(r)));
    if (r.failed()) {
      r.outcome().failingLines().forEach(l -> lines.add("     | " + l));
      if (!r.outcome().stderrTail().isEmpty()) {
        lines.add("     stderr (last " + r.outcome().stderrTail().size() + " lines):");
        r.outcome().stderrTail().forEach(l -> lines.add("     ! " + l));
      }
    }
    return lines;
  }
}
