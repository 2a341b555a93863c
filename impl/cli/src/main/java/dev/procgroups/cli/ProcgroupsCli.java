package dev.procgroups.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single command-line entry point; {@code ./procgroups} runs this class. */
@Command(
    name = "procgroups",
    mixinStandardHelpOptions = true,
    versionProvider = ProcgroupsCli.Version.class,
    description = "Cluster-wide process groups for the JVM, modeled on Erlang/OTP pg.")
public final class ProcgroupsCli {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree: this root plus every {@link Subcommand} on the class path, by name. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ProcgroupsCli());
    ServiceLoader.load(Subcommand.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(java.util.Comparator.comparing(c -> new CommandLine(c).getCommandName()))
        .forEach(cli::addSubcommand);
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ProcgroupsCli.class.getPackage().getImplementationVersion();
      return new String[] {
        "procgroups " + (v == null ? "dev" : v),
        "JVM " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")"
      };
    }
  }
}
