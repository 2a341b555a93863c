package dev.procgroups.process;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Which threads processes run on: virtual threads when the JVM has them (21+), found by method
 * handles because the code is compiled for 17; daemon platform threads otherwise.
 */
public enum ProcessThreads {
  /** Virtual threads if available, else platform threads. */
  AUTO,
  /** Virtual threads; {@link #factory()} fails on a JVM without them. */
  VIRTUAL,
  /** Platform threads. */
  PLATFORM;

  private static final Optional<ThreadFactory> VIRTUAL_FACTORY = findVirtualFactory();

  /** True if this JVM has virtual threads. */
  public static boolean virtualAvailable() {
    return VIRTUAL_FACTORY.isPresent();
  }

  /** The thread factory for this mode. */
  public ThreadFactory factory() {
    switch (this) {
      case PLATFORM:
        return ProcessThreads::platformThread;
      case VIRTUAL:
        return VIRTUAL_FACTORY.orElseThrow(
            () ->
                new IllegalStateException(
                    "virtual threads need Java 21+, this is " + Runtime.version()));
      default:
        return VIRTUAL_FACTORY.orElse(ProcessThreads::platformThread);
    }
  }

  private static Thread platformThread(Runnable task) {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    return thread;
  }

  private static Optional<ThreadFactory> findVirtualFactory() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      MethodHandle newBuilder =
          lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
      MethodHandle factory =
          lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
      return Optional.of((ThreadFactory) factory.invoke(newBuilder.invoke()));
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      return Optional.empty();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create the virtual thread factory", e);
    }
  }
}
