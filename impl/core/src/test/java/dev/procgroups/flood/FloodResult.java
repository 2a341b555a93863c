package dev.procgroups.flood;

import java.util.List;
import java.util.Map;

/**
 * What one flood measured.
 *
 * @param slotOps joins plus leaves (one per slot) made by the flooding node's processes
 * @param processes flooding processes started (each exits holding its last slots)
 * @param broadcasts broadcast calls made by the other nodes
 * @param maxLag the largest difference, at a sample, between the flooder's local slot count and an
 *     observer's count of the flooder's slots
 * @param meanLag the mean of that difference over samples and observers
 * @param longestBehindMillis the longest time an observer's count stayed different
 * @param peakHeapAfterGcBytes the most heap in use right after any collection (young ones included:
 *     old garbage counts)
 * @param peakHeapLiveBytes the most heap live after the full collections forced every 2 s
 * @param maxInboundQueue the largest backlog of each node's replication thread at a sample
 * @param maxFlooderSinkBehind the most broadcasts made but not yet received by n1's member
 * @param maxInboundBytes the most bytes waiting in each node's two inbound lanes together
 * @param drops what the bounds dropped over the run, all nodes together: replication messages,
 *     remote deliveries and batches at the inbound lanes, messages at full mailboxes; and the
 *     resyncs requested
 * @param catchUpMillis from the end of the flood until every node's view equals every node's local
 *     slots, or -1 if that did not happen within the bound
 */
record FloodResult(
    double seconds,
    long slotOps,
    long processes,
    long broadcasts,
    long maxLag,
    double meanLag,
    long longestBehindMillis,
    long catchUpMillis,
    long peakHeapUsedBytes,
    long peakHeapAfterGcBytes,
    long peakHeapLiveBytes,
    long baselineHeapBytes,
    long heapAfterBytes,
    List<Long> maxInboundQueue,
    long maxFlooderSinkBehind,
    List<Long> maxInboundBytes,
    Map<String, Long> drops) {

  double slotOpsPerSecond() {
    return slotOps / seconds;
  }

  double broadcastsPerSecond() {
    return broadcasts / seconds;
  }

  boolean converged() {
    return catchUpMillis >= 0;
  }

  /** Collects the figures as the run produces them; the heap left behind comes last. */
  static final class Builder {
    private final long baseline;
    private double seconds;
    private long slotOps;
    private long processes;
    private long broadcasts;
    private long maxLag;
    private double meanLag;
    private long longestBehind;
    private long catchUp;
    private long peakUsed;
    private long peakAfterGc;
    private long peakLive;
    private List<Long> maxInbound;
    private long maxSinkBehind;
    private List<Long> maxInboundBytes;
    private Map<String, Long> drops;

    Builder(long baselineHeapBytes) {
      this.baseline = baselineHeapBytes;
    }

    Builder load(double seconds, long slotOps, long processes, long broadcasts) {
      this.seconds = seconds;
      this.slotOps = slotOps;
      this.processes = processes;
      this.broadcasts = broadcasts;
      return this;
    }

    Builder lag(long maxLag, double meanLag, long longestBehindMillis, long catchUpMillis) {
      this.maxLag = maxLag;
      this.meanLag = meanLag;
      this.longestBehind = longestBehindMillis;
      this.catchUp = catchUpMillis;
      return this;
    }

    Builder heap(long peakUsedBytes, long peakAfterGcBytes, long peakLiveBytes) {
      this.peakUsed = peakUsedBytes;
      this.peakAfterGc = peakAfterGcBytes;
      this.peakLive = peakLiveBytes;
      return this;
    }

    Builder backlog(
        List<Long> maxInboundQueue, long maxFlooderSinkBehind, List<Long> maxInboundBytes) {
      this.maxInbound = maxInboundQueue;
      this.maxSinkBehind = maxFlooderSinkBehind;
      this.maxInboundBytes = maxInboundBytes;
      return this;
    }

    Builder drops(Map<String, Long> drops) {
      this.drops = drops;
      return this;
    }

    FloodResult build(long heapAfterBytes) {
      return new FloodResult(
          seconds,
          slotOps,
          processes,
          broadcasts,
          maxLag,
          meanLag,
          longestBehind,
          catchUp,
          peakUsed,
          peakAfterGc,
          peakLive,
          baseline,
          heapAfterBytes,
          maxInbound,
          maxSinkBehind,
          maxInboundBytes,
          drops);
    }
  }
}
