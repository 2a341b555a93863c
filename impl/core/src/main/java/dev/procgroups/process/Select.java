package dev.procgroups.process;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Waits on several channel operations at once and completes exactly one. When several cases are
 * ready, the first in list order wins (deterministic, unlike Go's random choice).
 */
public final class Select {

  private Select() {}

  /** Waits until one case is ready and completes it. */
  public static Selected select(List<SelectCase> cases) throws InterruptedException {
    return Channel.Waits.await(channels(cases), () -> attempt(cases), Channel.Waits.FOREVER);
  }

  /** Like {@link #select(List)}, but gives up after {@code timeout}: empty on timeout. */
  public static Optional<Selected> select(List<SelectCase> cases, Duration timeout)
      throws InterruptedException {
    return Optional.ofNullable(
        Channel.Waits.await(channels(cases), () -> attempt(cases), Channel.Waits.nanos(timeout)));
  }

  /** Completes a ready case without waiting (Go's {@code default}); empty if none is ready. */
  public static Optional<Selected> poll(List<SelectCase> cases) {
    return Optional.ofNullable(attempt(cases));
  }

  private static Channel<?>[] channels(List<SelectCase> cases) {
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("select needs at least one case");
    }
    return cases.stream().map(SelectCase::channel).distinct().toArray(Channel<?>[]::new);
  }

  private static Selected attempt(List<SelectCase> cases) {
    for (int i = 0; i < cases.size(); i++) {
      Selected done = attempt(i, cases.get(i));
      if (done != null) {
        return done;
      }
    }
    return null;
  }

  private static Selected attempt(int index, SelectCase selectCase) {
    if (selectCase instanceof SelectCase.Receive) {
      Received<?> received = selectCase.channel().tryTake();
      return received == null
          ? null
          : new Selected(index, selectCase, received.value(), received.ok());
    }
    return attemptSend(index, (SelectCase.Send<?>) selectCase);
  }

  private static <T> Selected attemptSend(int index, SelectCase.Send<T> send) {
    Channel.PutResult result = send.channel().tryPut(send.value());
    return result == Channel.PutResult.FULL
        ? null
        : new Selected(index, send, send.value(), result == Channel.PutResult.ACCEPTED);
  }
}
