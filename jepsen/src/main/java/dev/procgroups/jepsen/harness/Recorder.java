package dev.procgroups.jepsen.harness;

import dev.procgroups.daemon.control.PgCallException;
import dev.procgroups.jepsen.control.IndeterminateException;
import dev.procgroups.model.checkers.Outcome;
import dev.procgroups.model.history.History;
import dev.procgroups.model.history.HistoryBuilder;
import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.OpType;
import dev.procgroups.model.history.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Writes the history as the run goes (times are taken under the builder's lock, so they grow with
 * the index as Jepsen expects): each client call as an invocation and a completion (ok with its
 * results, fail with the pg error kind, info when the answer never came), each nemesis action as
 * two {@code :info} operations. Times are nanoseconds since the recorder was made.
 */
public final class Recorder {

  private final HistoryBuilder history = new HistoryBuilder();
  private final long start = System.nanoTime();
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong unknown = new AtomicLong();

  /** A control call that returns the results to add to the op's value. */
  @FunctionalInterface
  public interface Body {
    Map<Keyword, Object> run() throws PgCallException, IndeterminateException;
  }

  /** A call's outcome and the value its completion recorded. */
  public record Completed(Outcome outcome, Map<Keyword, Object> value) {
    public boolean ok() {
      return outcome == Outcome.OK;
    }
  }

  public long now() {
    return System.nanoTime() - start;
  }

  /** Records {@code body} as one call of client process {@code process}. */
  public Completed call(int process, Keyword f, Map<Keyword, Object> args, Body body) {
    synchronized (history) {
      history.invoke(process, f, args, now());
    }
    try {
      Map<Keyword, Object> value = new LinkedHashMap<>(args);
      value.putAll(body.run());
      synchronized (history) {
        history.ok(process, value, now());
      }
      ok.incrementAndGet();
      return new Completed(Outcome.OK, canonical(value));
    } catch (PgCallException e) {
      synchronized (history) {
        history.fail(
            process, args, Keyword.of(e.kind().isEmpty() ? "unknown" : kebab(e.kind())), now());
      }
      failed.incrementAndGet();
      return new Completed(Outcome.FAIL, args);
    } catch (IndeterminateException | RuntimeException e) {
      synchronized (history) {
        history.info(process, args, String.valueOf(e.getMessage()), now());
      }
      unknown.incrementAndGet();
      return new Completed(Outcome.INFO, args);
    }
  }

  /**
   * Records a nemesis action: an {@code :info} before and one after, whose {@code :result} says
   * what happened (how many packets a loss dropped, when the nodes heard each other again).
   */
  public String nemesis(Keyword f, String value, Supplier<String> action) {
    synchronized (history) {
      history.nemesis(OpType.INFO, f, value, now());
    }
    String result;
    try {
      result = action.get();
    } catch (RuntimeException e) {
      result = "failed: " + e.getMessage();
    }
    synchronized (history) {
      history.nemesis(OpType.INFO, f, value, Map.of(RESULT, result), now());
    }
    return result;
  }

  private static final Keyword RESULT = Keyword.of("result");

  public History history() {
    return history.build();
  }

  /** Calls so far: ok, fail, info. */
  public long[] tally() {
    return new long[] {ok.get(), failed.get(), unknown.get()};
  }

  @SuppressWarnings("unchecked")
  private static Map<Keyword, Object> canonical(Map<Keyword, Object> value) {
    return (Map<Keyword, Object>) Values.canonical(value);
  }

  /** {@code PermissionDenied} → {@code permission-denied}, a readable EDN keyword. */
  static String kebab(String kind) {
    return kind.replaceAll("([a-z])([A-Z])", "$1-$2")
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9-]", "-");
  }
}
