package dev.procgroups.lua;

import dev.procgroups.lua.sandbox.LuaErrorMessages;
import dev.procgroups.process.ExitReason;
import dev.procgroups.process.RunningProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.luaj.vm2.LuaError;

/**
 * Runs one script as a process and waits for it: the entry point of the conformance runner and of
 * {@code procgroups run}. The node is built by the caller (runtime, pg, library, modules); its
 * output is captured here, and also copied to {@code echo} if given.
 */
public final class LuaScripts {

  private LuaScripts() {}

  /** Runs the script file {@code file}; {@code process.spawn} finds scripts beside it. */
  public static LuaRunResult runFile(
      Path file, LuaNode.Builder builder, Duration timeout, OutputStream echo)
      throws IOException, InterruptedException {
    Path dir = file.toAbsolutePath().getParent();
    return run(LuaScript.read(file), builder.library(ScriptLibrary.directory(dir)), timeout, echo);
  }

  /**
   * Runs {@code script} on a node made from {@code builder} (its output is set here) and waits up
   * to {@code timeout}; past that the process is killed and the result is TIMED_OUT.
   */
  public static LuaRunResult run(
      LuaScript script, LuaNode.Builder builder, Duration timeout, OutputStream echo)
      throws InterruptedException {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    OutputStream sink = echo == null ? captured : new Tee(captured, echo);
    PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
    LuaNode node = builder.output(out).build();
    RunningProcess process = node.spawn(script);
    boolean timedOut = !process.awaitExit(timeout);
    if (timedOut) {
      process.kill();
      process.awaitExit(Duration.ofSeconds(5));
    }
    out.flush();
    String output = captured.toString(StandardCharsets.UTF_8);
    ExitReason reason = process.exitReason().orElse(ExitReason.KILLED);
    if (timedOut) {
      return new LuaRunResult(
          LuaRunResult.Status.TIMED_OUT,
          output,
          Optional.of("timed out after " + timeout.toMillis() + " ms"));
    }
    if (reason instanceof ExitReason.Failed failed) {
      return new LuaRunResult(
          LuaRunResult.Status.FAILED, output, Optional.of(describe(failed.error())));
    }
    return reason instanceof ExitReason.Killed
        ? new LuaRunResult(LuaRunResult.Status.KILLED, output, Optional.of("killed"))
        : new LuaRunResult(LuaRunResult.Status.OK, output, Optional.empty());
  }

  /** The text of a Lua process's failure, as Lua 5.2 would print it. */
  public static String describe(Throwable error) {
    if (error instanceof LuaError luaError) {
      return LuaErrorMessages.text(luaError);
    }
    if (error instanceof StackOverflowError) {
      return "stack overflow";
    }
    return error.getMessage() == null ? error.toString() : error.getMessage();
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
