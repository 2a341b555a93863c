package dev.procgroups.props.sim;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets a property's tries from {@code -Dprocgroups.schedules=N} (default 2,000) and prints how many
 * schedules ran and how fast.
 */
public final class ScheduleCount implements AroundPropertyHook {
  static final int DEFAULT = 2_000;

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) throws Throwable {
    int tries = Integer.getInteger("procgroups.schedules", DEFAULT);
    context.attributes().setTries(tries);
    long start = System.nanoTime();
    PropertyExecutionResult result = property.execute();
    double seconds = (System.nanoTime() - start) / 1e9;
    int ran = result.countTries();
    System.out.printf(
        "%s: %d schedules in %.1f s (%.0f schedules/s), %s%n",
        context.label(), ran, seconds, ran / seconds, result.status());
    return result;
  }
}
