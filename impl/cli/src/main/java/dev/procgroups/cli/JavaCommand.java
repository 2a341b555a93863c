package dev.procgroups.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs {@code procgroups} again in a new JVM (a node daemon, or the Jepsen
 * harness inside its namespace): this JVM's java, its flags of docs/DEPENDENCIES.md "JVM flags"
 * (the launcher's: Atomix and Kryo need them) and its class path, so that a node started this way
 * runs the same code, the same way, as one the launcher starts.
 */
public final class JavaCommand {
  /** The flags of docs/DEPENDENCIES.md "JVM flags", passed on as this JVM got them. */
  private static final List<String> PASSED_ON =
      List.of("--add-opens", "--enable-native-access", "--sun-misc-unsafe-memory-access");

  private JavaCommand() {}

  /** {@code java <flags> <extra jvm flags> -cp <cp> dev.procgroups.cli.ProcgroupsCli <args>}. */
  public static List<String> procgroups(List<String> jvmFlags, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> PASSED_ON.stream().anyMatch(a::startsWith))
        .forEach(cmd::add);
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.procgroups.cli.ProcgroupsCli");
    cmd.addAll(args);
    return cmd;
  }
}
