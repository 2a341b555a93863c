package dev.procgroups.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** One documented example: its name (where in the doc it comes from) and a scenario checking it. */
public record Example(String name, Consumer<ExampleRun> scenario) {

  public Example {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scenario, "scenario");
  }

  /** Runs the scenario; returns its mismatches (empty = the model behaves as documented). */
  public List<String> run() {
    ExampleRun run = new ExampleRun();
    try {
      scenario.accept(run);
    } catch (RuntimeException e) {
      run.fail("threw " + e);
    }
    return run.mismatches();
  }
}
