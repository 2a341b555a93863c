package dev.procgroups.testing;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The tests' one entry point to planted bugs (impl/README.md "Planted bugs"): each package with
 * planted bugs has a package-private {@code PlantedBug} enum, read from the system property {@value
 * #PROPERTY} by what the package makes (stores, replication cores, process runtimes) when it is
 * made. Not for tests that run in parallel in one JVM: the property is JVM-wide.
 */
public final class PlantedBugs {
  /** The system property the production {@code PlantedBug} enums read. */
  public static final String PROPERTY = "procgroups.plantedBugs";

  private PlantedBugs() {}

  /** What runs with bugs planted; may throw {@code E}. */
  @FunctionalInterface
  public interface Body<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * Runs {@code body} with {@code bugs} (names of {@code PlantedBug} constants) planted in
   * everything it makes, then restores the property as it was.
   */
  public static <T, E extends Exception> T with(Collection<String> bugs, Body<T, E> body) throws E {
    String before = System.getProperty(PROPERTY);
    System.setProperty(PROPERTY, String.join(",", bugs));
    try {
      return body.run();
    } finally {
      if (before == null) {
        System.clearProperty(PROPERTY);
      } else {
        System.setProperty(PROPERTY, before);
      }
    }
  }

  /**
   * Every planted bug of the package {@code dev.procgroups.<pkg>}, in declaration order (read
   * reflectively, as the enum is package-private), so that a catalogue test misses none.
   */
  public static List<String> of(String pkg) {
    try {
      Class<?> bugs = Class.forName("dev.procgroups." + pkg + ".PlantedBug");
      return Arrays.stream(bugs.getEnumConstants()).map(b -> ((Enum<?>) b).name()).toList();
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no planted bugs in package " + pkg, e);
    }
  }
}
