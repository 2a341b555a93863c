package dev.procgroups.cli;

import dev.procgroups.lua.api.LuaObserver;
import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;
import dev.procgroups.process.Pid;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of {@code procgroups run}, heard from the Lua processes as they call pg and exit:
 * API misuse (every call that failed with {@code Invalid}: wrong arguments, a call on a released
 * instance), errors the script never looked at, and subscriptions never closed. An ignored
 * {@code Invalid} error is reported once, as misuse. Thread-safe: processes report from their own
 * threads.
 */
final class ScriptCheck implements LuaObserver {

  /** One thing worth a look, as one line of the summary. */
  record Finding(Kind kind, Pid process, String method, String detail) {

    enum Kind { MISUSE, RELEASED_INSTANCE, IGNORED_ERROR, UNCLOSED_SUBSCRIPTION }

    String line() {
      String call = method + "() in " + process;
      return switch (kind) {
        case MISUSE -> "misuse: " + call + " failed: " + detail;
        case RELEASED_INSTANCE -> "misuse: " + call + " was called on a released instance";
        case IGNORED_ERROR -> "ignored error (hint): " + call + " returned " + detail
            + " that the script never looked at";
        case UNCLOSED_SUBSCRIPTION -> "unclosed subscription: " + call
            + " opened one that was never closed";
      };
    }
  }

  private static final String RELEASED = "instance released";

  private final List<Finding> findings = new ArrayList<>();

  @Override
  public void pgCall(Pid process, String method, PgException error) {
    if (error != null && error.kind() == ErrorKind.INVALID) {
      add(RELEASED.equals(error.getMessage())
          ? new Finding(Finding.Kind.RELEASED_INSTANCE, process, method, error.getMessage())
          : new Finding(Finding.Kind.MISUSE, process, method, describe(error.kind(), error.getMessage())));
    }
  }

  @Override
  public void errorIgnored(Pid process, String method, ErrorKind kind, String message) {
    if (kind != ErrorKind.INVALID) {
      add(new Finding(Finding.Kind.IGNORED_ERROR, process, method, describe(kind, message)));
    }
  }

  @Override
  public void subscriptionNotClosed(Pid process, String method) {
    add(new Finding(Finding.Kind.UNCLOSED_SUBSCRIPTION, process, method, ""));
  }

  /** The findings so far, in the order they were heard. */
  synchronized List<Finding> findings() {
    return List.copyOf(findings);
  }

  private synchronized void add(Finding finding) {
    findings.add(finding);
  }

  private static String describe(ErrorKind kind, String message) {
    return kind.luaName() + " (" + message + ")";
  }
}
