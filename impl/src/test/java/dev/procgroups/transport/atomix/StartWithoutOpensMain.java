package dev.procgroups.transport.atomix;

/**
 * Run in a child JVM by {@link JvmOpensTest}: starts a transport and prints the outcome on the
 * first line of standard output.
 */
public final class StartWithoutOpensMain {
  private StartWithoutOpensMain() {}

  public static void main(String[] args) {
    AtomixTransportConfig config = AtomixTransportConfig.builder()
        .nodeName("probe")
        .bind("127.0.0.1", Integer.parseInt(args[0]))
        .incarnation(1)
        .build();
    try (AtomixTransport transport = AtomixTransport.start(config)) {
      System.out.println("STARTED " + transport.self());
    } catch (RuntimeException e) {
      System.out.println("FAILED " + e.getMessage());
    }
    System.exit(0);
  }
}
