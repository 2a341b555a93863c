package dev.procgroups.process;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;

/**
 * The heap a receiver that never reads keeps under a flood of distinct 512 KiB payloads, with the
 * byte bound and without it ({@code unbounded}: {@code mailboxBytes(Long.MAX_VALUE)}, the code
 * before the bound). Arguments: messages, then optionally {@code unbounded}. Results and command:
 * bench/results/flood.md, "Mailbox bytes". Not a test: a measurement, bounded by its arguments.
 */
final class MailboxBytesBench {
  private MailboxBytesBench() {}

  public static void main(String[] args) throws Exception {
    int messages = Integer.parseInt(args[0]);
    boolean unbounded = args.length > 1 && args[1].equals("unbounded");
    ProcessRuntime.Builder builder = ProcessRuntime.builder("n1");
    ProcessRuntime runtime = (unbounded ? builder.mailboxBytes(Long.MAX_VALUE) : builder).build();
    CountDownLatch stop = new CountDownLatch(1);
    RunningProcess receiver = runtime.spawn(context -> stop.await());
    Pid from = new Pid("n1", "app:processes", 1);
    long baseline = liveHeap();
    long accepted = 0;
    for (int i = 0; i < messages; i++) {
      // distinct strings, as decoding or a Lua conversion makes them: nothing shared
      Payloads.Packed packed = Payloads.packSized(String.valueOf(i % 10).repeat(512 * 1024));
      boolean put = runtime.deliver(receiver.pid(), from, "t", packed.payload(), packed.bytes());
      accepted += put ? 1 : 0;
    }
    long live = liveHeap();
    System.out.printf(
        "%s messages=%d accepted=%d dropped=%d queuedBytes=%d liveHeapGrowthMb=%d%n",
        unbounded ? "unbounded" : "bounded",
        messages,
        accepted,
        receiver.droppedMessages(),
        receiver.queuedBytes(),
        (live - baseline) >> 20);
    stop.countDown();
    runtime.close();
  }

  private static long liveHeap() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
