package dev.procgroups.jepsen.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs short external commands (ip, nft, kill) with a time bound and captures their output. */
public final class Shell {

  /** Where system tools live even when PATH (e.g. under Maven) leaves out the sbin folders. */
  private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

  private Shell() {}

  /** What a finished command printed and returned. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** This result if the command succeeded, else a {@link CommandFailedException}. */
    public Result orThrow() {
      if (!ok()) {
        throw new CommandFailedException(this);
      }
      return this;
    }
  }

  /** A command exited non-zero or did not finish in time. */
  public static final class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailedException(Result result) {
      super(
          String.join(" ", result.command())
              + " exited "
              + result.exitCode()
              + ": "
              + (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip());
    }
  }

  /** Runs {@code command}, feeding {@code stdin} (may be null); gives up after {@code timeout}. */
  public static Result run(List<String> command, String stdin, Duration timeout) {
    List<String> resolved = new ArrayList<>(command);
    resolved.set(0, resolve(command.get(0)).map(Path::toString).orElse(command.get(0)));
    try {
      Path out = Files.createTempFile("procgroups-sh", ".out");
      Path err = Files.createTempFile("procgroups-sh", ".err");
      try {
        Process p =
            new ProcessBuilder(resolved)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try (var in = p.getOutputStream()) {
          if (stdin != null) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
          }
        }
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
          p.destroyForcibly().waitFor();
        }
        return new Result(
            List.copyOf(command),
            done ? p.exitValue() : -1,
            Files.readString(out),
            done ? Files.readString(err) : "timed out after " + timeout);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      return new Result(List.copyOf(command), -1, "", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted running " + command, e));
    }
  }

  /** Runs {@code command} without input, bounded to ten seconds. */
  public static Result run(String... command) {
    return run(List.of(command), null, Duration.ofSeconds(10));
  }

  /** The executable {@code program} on PATH or in the usual system folders. */
  public static Optional<Path> resolve(String program) {
    if (program.contains("/")) {
      return Optional.of(Path.of(program)).filter(Files::isExecutable);
    }
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(":")));
    }
    dirs.addAll(SYSTEM_DIRS);
    return dirs.stream()
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
