package dev.procgroups.cli;

/**
 * A subcommand of {@code ./procgroups}, found with {@link java.util.ServiceLoader} so that modules
 * above {@code impl} (the conformance runner, the Jepsen harness) can add theirs without {@code
 * impl} depending on them. Implementations are picocli commands (annotated with {@code @Command}).
 */
public interface Subcommand {}
