package dev.procgroups.model;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs every documented example of pg-api.txt (and every row of its Permissions and Errors tables)
 * through the model; prints one line per example; exits 1 if any example mismatches.
 */
public final class SelfCheck {

  private SelfCheck() {}

  public static void main(String[] args) {
    int failed = run(DocumentedExamples.all(), System.out);
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Runs the examples, printing one line each (and the mismatches); returns how many failed. */
  public static int run(List<Example> examples, PrintStream out) {
    int failed = 0;
    for (Example example : examples) {
      List<String> mismatches = example.run();
      out.println((mismatches.isEmpty() ? "ok    " : "FAILED") + "  " + example.name());
      mismatches.forEach(mismatch -> out.println("        " + mismatch));
      failed += mismatches.isEmpty() ? 0 : 1;
    }
    out.println(examples.size() - failed + " of " + examples.size() + " documented examples hold");
    return failed;
  }
}
