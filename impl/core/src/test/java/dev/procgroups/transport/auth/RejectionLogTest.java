package dev.procgroups.transport.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RejectionLogTest {

  private final AtomicLong clock = new AtomicLong();
  private final RejectionLog log =
      new RejectionLog(LoggerFactory.getLogger(RejectionLogTest.class), 60_000, clock::get);

  @Test
  void countsEveryRejectionButLogsOncePerPeerPerInterval() {
    assertThat(log.reject("rogue", "bad tag")).isTrue();
    assertThat(log.reject("rogue", "bad tag")).isFalse();
    assertThat(log.reject("other", "bad tag")).isTrue();
    clock.set(59_999);
    assertThat(log.reject("rogue", "bad tag")).isFalse();
    clock.set(60_000);
    assertThat(log.reject("rogue", "bad tag")).isTrue();
    assertThat(log.rejected()).isEqualTo(5);
  }

  @Test
  void aForgerClaimingANewNameEachTimeGetsAFewWarningsPerIntervalNotOneEach() {
    int logged = 0;
    for (int i = 0; i < 100_000; i++) {
      logged += log.reject("forged-" + i, "bad tag") ? 1 : 0;
    }
    assertThat(logged).isEqualTo(RejectionLog.MAX_WARNINGS_PER_INTERVAL);
    assertThat(log.rejected()).isEqualTo(100_000);
    clock.set(60_000);
    assertThat(log.reject("forged-next", "bad tag")).isTrue();
  }

  @Test
  void claimedTextCannotForgeALogLine() {
    String forged = "n1\n12:00:00.000 [main] INFO all good\u2028\r\"";
    String escaped = RejectionLog.escape(forged);
    assertThat(escaped)
        .doesNotContain("\n", "\r", "\u2028")
        .isEqualTo("\"n1\\u000a12:00:00.000 [main] INFO all good\\u2028\\u000d\\u0022\"");
    assertThat(RejectionLog.escape("x".repeat(1_000))).hasSize(RejectionLog.MAX_LOGGED_CHARS + 5);
  }
}
