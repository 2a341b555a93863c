package dev.procgroups.props.node;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/** Sets a property's tries from {@code -Dprocgroups.tries=N} (default 1,000). */
public final class TryCount implements AroundPropertyHook {
  static final int DEFAULT = 1_000;

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) throws Throwable {
    context.attributes().setTries(Integer.getInteger("procgroups.tries", DEFAULT));
    return property.execute();
  }
}
