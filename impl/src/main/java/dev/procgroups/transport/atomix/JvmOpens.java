package dev.procgroups.transport.atomix;

/**
 * Kryo inside Atomix reflects into {@code java.util.concurrent.atomic}; on JDK 17+ that package
 * must be opened on the command line, or Atomix fails later with an obscure reflection error.
 */
final class JvmOpens {

  static final String REQUIRED_FLAG =
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED";
  private static final String PACKAGE = "java.util.concurrent.atomic";

  private JvmOpens() {}

  /** Fails with an explanation unless Atomix's module may reflect into the atomic package. */
  static void requireAtomicOpened() {
    Module atomix = io.atomix.cluster.AtomixCluster.class.getModule();
    if (!Object.class.getModule().isOpen(PACKAGE, atomix)) {
      throw new IllegalStateException(
          "The Atomix transport needs the JVM option " + REQUIRED_FLAG
              + " (Kryo inside Atomix reflects into " + PACKAGE + " on JDK 17+)."
              + " Add it to the java command line, or to JDK_JAVA_OPTIONS.");
    }
  }
}
