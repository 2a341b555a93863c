package dev.procgroups.jepsen.harness;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs {@code procgroups} again in a new JVM (a node, or the harness inside
 * its namespace): this JVM's java, its {@code --add-opens} flags (Atomix needs them) and class
 * path.
 */
public final class JavaCommand {
  private JavaCommand() {}

  /** {@code java <opens> <extra jvm flags> -cp <cp> dev.procgroups.cli.ProcgroupsCli <args>}. */
  public static List<String> procgroups(List<String> jvmFlags, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens"))
        .forEach(cmd::add);
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.procgroups.cli.ProcgroupsCli");
    cmd.addAll(args);
    return cmd;
  }
}
