package dev.procgroups.transport.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RejectionLogTest {

  @Test
  void countsEveryRejectionButLogsOncePerPeerPerInterval() {
    AtomicLong clock = new AtomicLong();
    RejectionLog log =
        new RejectionLog(LoggerFactory.getLogger(RejectionLogTest.class), 60_000, clock::get);
    assertThat(log.reject("rogue", "bad tag")).isTrue();
    assertThat(log.reject("rogue", "bad tag")).isFalse();
    assertThat(log.reject("other", "bad tag")).isTrue();
    clock.set(59_999);
    assertThat(log.reject("rogue", "bad tag")).isFalse();
    clock.set(60_000);
    assertThat(log.reject("rogue", "bad tag")).isTrue();
    assertThat(log.rejected()).isEqualTo(5);
  }
}
