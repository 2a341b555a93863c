package dev.procgroups.transport.atomix;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Atomix builds its Kryo serializers in a static initializer ({@code Namespaces.BASIC}); Kryo's
 * {@code FieldSerializer} then reflects into {@code AtomicBoolean} and friends ({@code
 * java.util.concurrent.atomic}) and {@code AbstractMap.SimpleImmutableEntry} ({@code java.util}).
 * On JDK 17+ both packages must be opened on the command line, or Atomix fails with an {@code
 * ExceptionInInitializerError} deep inside Kryo. Nothing else is needed (docs/DEPENDENCIES.md "JVM
 * flags" says how that was established).
 */
final class JvmOpens {

  /** The packages of {@code java.base} that Kryo inside Atomix reflects into. */
  static final List<String> PACKAGES = List.of("java.util.concurrent.atomic", "java.util");

  /** The flags to add, as they go on the {@code java} command line. */
  static final String REQUIRED_FLAGS =
      PACKAGES.stream()
          .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED")
          .collect(Collectors.joining(" "));

  private JvmOpens() {}

  /** Fails with the exact flags to add unless Atomix's module may reflect into both packages. */
  static void requireOpened() {
    Module atomix = io.atomix.cluster.AtomixCluster.class.getModule();
    List<String> closed =
        PACKAGES.stream().filter(p -> !Object.class.getModule().isOpen(p, atomix)).toList();
    if (!closed.isEmpty()) {
      throw new IllegalStateException(
          "The Atomix transport needs the JVM options "
              + REQUIRED_FLAGS
              + " (Kryo inside Atomix reflects into "
              + String.join(" and ", closed)
              + " on JDK 17+). Add them to the java command line, or to JDK_JAVA_OPTIONS.");
    }
  }
}
