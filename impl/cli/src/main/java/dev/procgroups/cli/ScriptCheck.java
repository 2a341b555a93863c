package dev.procgroups.cli;

import dev.procgroups.lua.LuaScripts;
import dev.procgroups.lua.api.LuaObserver;
import dev.procgroups.pg.ErrorKind;
import dev.procgroups.pg.PgException;
import dev.procgroups.process.ExitReason;
import dev.procgroups.process.Pid;
import dev.procgroups.process.RunningProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of {@code procgroups run}, heard from the Lua processes as they call pg and exit:
 * API misuse (every call that failed with {@code Invalid}: wrong arguments, a call on a released
 * instance), errors the script never looked at, and subscriptions never closed; and the processes
 * the script spawned. Findings are counted per kind and place (the pg method and what went wrong),
 * exactly, in memory bounded by the places ({@value #MAX_PLACES} at most; further places count
 * under one "other places" entry of their kind), never by the calls. An ignored {@code Invalid}
 * error is reported once, as misuse. Thread-safe: processes report from their own threads.
 */
final class ScriptCheck implements LuaObserver {

  static final int MAX_PLACES = 1_000;
  private static final String RELEASED = "instance released";
  private static final String OTHER_PLACES = "other places";

  /** A kind of finding. */
  enum Kind {
    MISUSE("misuse"),
    RELEASED_INSTANCE("misuse"),
    IGNORED_ERROR("ignored error (hint)"),
    UNCLOSED_SUBSCRIPTION("unclosed subscription");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** All findings of one kind at one place: how many, and the first process they came from. */
  record Finding(Kind kind, String method, String detail, Pid firstProcess, long count) {

    String line() {
      String call = method + "() in " + firstProcess;
      String text =
          switch (kind) {
            case MISUSE -> call + " failed: " + detail;
            case RELEASED_INSTANCE -> call + " was called on a released instance";
            case IGNORED_ERROR -> call + " returned " + detail + " that the script never looked at";
            case UNCLOSED_SUBSCRIPTION -> call + " opened one that was never closed";
          };
      return kind.label + ": " + text + (count > 1 ? " (" + count + " times)" : "");
    }
  }

  /** How a spawned process ended, or that it was still running when the script's run ended. */
  record ProcessEnd(Pid process, String script, String end, String message) {

    String line() {
      return script + " " + process + ": " + end + (message.isEmpty() ? "" : ": " + message);
    }
  }

  private record Place(Kind kind, String method, String detail) {}

  private final Map<Place, Finding> findings = new LinkedHashMap<>();
  private final List<RunningProcess> spawned = new ArrayList<>();
  private final Map<RunningProcess, String> scripts = new LinkedHashMap<>();

  @Override
  public void pgCall(Pid process, String method, PgException error) {
    if (error != null && error.kind() == ErrorKind.INVALID) {
      if (RELEASED.equals(error.getMessage())) {
        add(Kind.RELEASED_INSTANCE, process, method, "", 1);
      } else {
        add(Kind.MISUSE, process, method, describe(error.kind(), error.getMessage()), 1);
      }
    }
  }

  @Override
  public void errorsIgnored(
      Pid process, String method, ErrorKind kind, String message, long count) {
    if (kind != ErrorKind.INVALID) {
      // one place per method and kind: messages can name every group the script touched
      add(Kind.IGNORED_ERROR, process, method, kind.luaName() + " (e.g. " + message + ")", count);
    }
  }

  @Override
  public void subscriptionsNotClosed(Pid process, String method, long count) {
    add(Kind.UNCLOSED_SUBSCRIPTION, process, method, "", count);
  }

  @Override
  public synchronized void spawned(Pid process, String script, RunningProcess child) {
    spawned.add(child);
    scripts.put(child, script);
  }

  /** The findings so far, one per kind and place, in the order first heard. */
  synchronized List<Finding> findings() {
    return List.copyOf(findings.values());
  }

  /** Every finding counted (not places): exact. */
  synchronized long total() {
    return findings.values().stream().mapToLong(Finding::count).sum();
  }

  /** How each process the script spawned has ended so far, in spawn order. */
  synchronized List<ProcessEnd> processEnds() {
    List<ProcessEnd> ends = new ArrayList<>(spawned.size());
    for (RunningProcess p : spawned) {
      ExitReason reason = p.exitReason().orElse(null);
      String script = scripts.get(p);
      if (reason == null) {
        ends.add(new ProcessEnd(p.pid(), script, "still running at exit", ""));
      } else if (reason instanceof ExitReason.Failed failed) {
        ends.add(new ProcessEnd(p.pid(), script, "error", LuaScripts.describe(failed.error())));
      } else {
        ends.add(
            new ProcessEnd(
                p.pid(), script, reason instanceof ExitReason.Killed ? "killed" : "ok", ""));
      }
    }
    return ends;
  }

  private synchronized void add(Kind kind, Pid process, String method, String detail, long n) {
    Place place = new Place(kind, method, detail);
    if (!findings.containsKey(place) && findings.size() >= MAX_PLACES) {
      place = new Place(kind, OTHER_PLACES, "");
    }
    Finding old = findings.get(place);
    findings.put(
        place,
        old == null
            ? new Finding(kind, place.method(), detail, process, n)
            : new Finding(kind, old.method(), old.detail(), old.firstProcess(), old.count() + n));
  }

  private static String describe(ErrorKind kind, String message) {
    return kind.luaName() + " (" + message + ")";
  }
}
