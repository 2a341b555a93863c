package dev.procgroups.lua.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procgroups.lua.LuaRunResult;
import dev.procgroups.lua.LuaRunResult.Status;
import dev.procgroups.lua.sandbox.MemoryGuard;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the memory guard against scripts that fill a real heap (the standard guard unless
 * said), in a JVM of its own with a 512 MiB heap (impl/pom.xml's {@code small-heap} run; G1 regions
 * of 1 MiB there, so a string of 1 MiB and a suffix takes two regions). Runs on JDK 17 and, in
 * {@code .ci/run}, on the newest JDK, where processes run on virtual threads.
 */
class MemoryGuardTest {
  private static final Duration LONG = Duration.ofSeconds(120);

  private HostileNode node;

  @BeforeEach
  void open() throws Exception {
    assumeTrue(requested(), "run in its own small-heap JVM only");
    node = new HostileNode(Map.of());
  }

  @AfterEach
  void close() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aTableOfHundredKilobyteStringsEndsWithNotEnoughMemory() throws InterruptedException {
    LuaRunResult result =
        node.runSource(
            LONG,
            """
        local s = string.rep("y", 100000)
        local t = {}
        for i = 1, 1e7 do t[i] = s .. i end
        """);
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).hasValue("not enough memory");
    assertNodeServesAndHeapRecovers();
  }

  @Test
  void oneMebibyteStringsInPcallAreCaught() throws InterruptedException {
    LuaRunResult result =
        node.runSource(
            LONG,
            """
        local t = {}
        print(pcall(function()
          local s = string.rep("x", 1024 * 1024)
          for i = 1, 100000 do t[i] = s .. i end
        end))
        print(#t > 100)
        """);
    assertThat(result.error()).isEmpty();
    assertThat(result.output()).isEqualTo("false\tnot enough memory\ntrue\n");
    assertNodeServesAndHeapRecovers();
  }

  @Test
  void aRetryLoopOnAFullHeapFailsAgainAtOnce() throws InterruptedException {
    LuaRunResult result =
        node.runSource(
            LONG,
            """
        local t, failures = {}, 0
        local s = string.rep("z", 10000)
        for try = 1, 20 do
          local ok, err = pcall(function() for i = #t + 1, 1e8 do t[i] = s .. i end end)
          if not ok and err == "not enough memory" then failures = failures + 1 end
        end
        print(failures)
        """);
    assertThat(result.error()).isEmpty();
    assertThat(result.output()).isEqualTo("20\n");
    assertNodeServesAndHeapRecovers();
  }

  @Test
  void theCatalogueTableBombEndsWithNotEnoughMemory() throws InterruptedException {
    LuaRunResult result = node.run("table_bomb", LONG);
    assertThat(result.error()).hasValue("not enough memory");
    assertNodeServesAndHeapRecovers();
  }

  @Test
  void keptCopiesOfA64MebibyteStringEndWithNotEnoughMemory() throws InterruptedException {
    LuaRunResult result = node.run("upper_bomb", LONG);
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).hasValue("not enough memory");
    assertNodeServesAndHeapRecovers();
  }

  @Test
  void aLargeStringTheHeapHasNoRoomForFailsTheProcessAlone() throws InterruptedException {
    // No guard mark is ever reached: the JVM itself refuses one of the 64 MiB upper-cased copies
    // (the guard's fragmented-heap case), and that fails the process like the guard would.
    node.memory = MemoryGuard.of(Long.MAX_VALUE, Long.MAX_VALUE);
    LuaRunResult result = node.run("upper_bomb", LONG);
    assertThat(result.error()).hasValue("not enough memory");
    assertNodeServesAndHeapRecovers();
  }

  private void assertNodeServesAndHeapRecovers() throws InterruptedException {
    LuaRunResult after = node.run("well_behaved", Duration.ofSeconds(10));
    assertThat(after.error()).isEmpty();
    assertThat(after.output()).isEqualTo("OK\t1\t1\n");
    System.gc(); // test check only
    Runtime rt = Runtime.getRuntime();
    assertThat(rt.totalMemory() - rt.freeMemory()).isLessThan(rt.maxMemory() / 4);
  }

  /** False when the build was asked for other tests only (-Dtest without this class). */
  private static boolean requested() {
    String tests = System.getProperty("procgroups.requestedTests", "");
    boolean ownFork = Runtime.getRuntime().maxMemory() <= 600L << 20;
    return ownFork && (tests.isEmpty() || tests.startsWith("${") || tests.contains("MemoryGuard"));
  }
}
