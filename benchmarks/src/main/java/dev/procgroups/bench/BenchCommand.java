package dev.procgroups.bench;

import dev.procgroups.bench.cluster.ClusterBenchCommand;
import dev.procgroups.bench.lifecycle.CloseBenchCommand;
import dev.procgroups.cli.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code procgroups bench}: the benchmarks that need real node JVMs (see its subcommands). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks over real nodes.",
    subcommands = {ClusterBenchCommand.class, CloseBenchCommand.class})
public final class BenchCommand implements Subcommand, Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
