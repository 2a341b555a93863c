package dev.procgroups.jepsen.node;

import dev.procgroups.cli.Subcommand;
import dev.procgroups.daemon.NodeCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * TEST ONLY: {@code procgroups mutant-node --mutation NAMES -- <options of procgroups node>}, the
 * Jepsen harness's mutant node: the daemon's own command ({@link NodeCommand}, the same options,
 * checks and start) with the {@link NodeMutant}s decorated around it ({@link MutantDecorator}) and
 * the library's planted bugs named in its system property. An unknown name is refused in one line,
 * exit code 2, before anything starts.
 */
@Command(
    name = MutantNodeCommand.NAME,
    hidden = true,
    description =
        "TEST ONLY: procgroups node with planted bugs, for the Jepsen suite's mutant runs:"
            + " mutant-node --mutation NAMES -- <options of procgroups node>")
public final class MutantNodeCommand implements Subcommand, Callable<Integer> {

  /** The subcommand's name. */
  public static final String NAME = "mutant-node";

  @Option(
      names = "--mutation",
      split = ",",
      required = true,
      description = "NodeMutant names, or names of the library's planted bugs")
  List<String> mutations;

  @Parameters(description = "the options of procgroups node (after --)")
  List<String> nodeOptions = List.of();

  /**
   * The arguments that start a mutant node with {@code mutations}, the options of {@code procgroups
   * node} to follow; an unknown name is an {@link IllegalArgumentException} that names it.
   */
  public static List<String> command(List<String> mutations) {
    Mutations.parse(mutations);
    return List.of(NAME, "--mutation", String.join(",", mutations), "--");
  }

  @Override
  public Integer call() {
    Mutations planted;
    try {
      planted = Mutations.parse(mutations);
    } catch (IllegalArgumentException e) {
      System.err.println("procgroups " + NAME + ": " + e.getMessage());
      return 2;
    }
    if (!planted.library().isEmpty()) {
      System.setProperty(Mutations.LIBRARY_PROPERTY, String.join(",", planted.library()));
    }
    System.err.println("procgroups " + NAME + ": planted " + mutations + " (TEST ONLY)");
    return new CommandLine(new NodeCommand(new MutantDecorator(planted.node())))
        .execute(nodeOptions.toArray(String[]::new));
  }
}
