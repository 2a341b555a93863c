package dev.procgroups.bench.cluster;

/**
 * The benchmark's control channel to a worker JVM: one command per stdin line, one answer per
 * stdout line. Answers carry a prefix so that anything else a library prints is skipped.
 *
 * <pre>
 * SPAWN from to            spawn processes for global indices [from, to)   → OK
 * JOIN prefix groups       every process i joins prefix + (i % groups)     → OK millis
 * LEAVE prefix groups      every process i leaves that group again         → OK millis
 * JOIN1 group / LEAVE1 group  one probe process joins / leaves group      → OK epochNanos-before
 * MEMBERS count group topic  spawn count processes in group counting topic → OK
 * RECEIVED                 messages received on that topic so far          → OK n
 * AWAIT total seconds      wait until this node's view holds total slots   → OK epochNanos-then
 * CPU                      CPU time this JVM has used so far               → OK nanos
 * EXIT                     close the node and exit
 * </pre>
 */
final class WorkerProtocol {
  static final String SCOPE = "bench:pg";
  static final String PREFIX = "@bench ";
  static final String OK = "OK";
  static final String ERROR = "ERR";
  static final String EXIT = "EXIT";

  private WorkerProtocol() {}

  static String reply(String body) {
    return PREFIX + body;
  }

  static String group(String prefix, long index, int groups) {
    return prefix + (index % groups);
  }
}
