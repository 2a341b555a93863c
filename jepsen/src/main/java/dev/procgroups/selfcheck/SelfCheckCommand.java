package dev.procgroups.selfcheck;

import dev.procgroups.cli.Subcommand;
import dev.procgroups.model.DocumentedExamples;
import dev.procgroups.model.SelfCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code procgroups selfcheck}: every documented example of pg-api.txt run through the model. */
@Command(
    name = "selfcheck",
    mixinStandardHelpOptions = true,
    description = "Run every documented example of pg-api.txt through the executable model.")
public final class SelfCheckCommand implements Callable<Integer>, Subcommand {

  @Override
  public Integer call() {
    return SelfCheck.run(DocumentedExamples.all(), System.out) == 0 ? 0 : 1;
  }
}
