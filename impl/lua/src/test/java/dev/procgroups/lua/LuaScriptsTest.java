package dev.procgroups.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point for the conformance runner and {@code procgroups run}. */
class LuaScriptsTest {

  private final LuaNodeFixture node = new LuaNodeFixture();

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void runsAFileWhoseSpawnsFindTheirSiblings(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("main.lua"),
        """
        local done = process.listen("done")
        assert(process.spawn("helper", process.pid()))
        print("main got", done:receive())
        """);
    Files.writeString(
        dir.resolve("helper.lua"),
        """
        local parent = ...
        print("helper runs")
        process.send(parent, "done", "ok")
        """);
    Files.writeString(dir.getParent().resolve("outside.lua"), "print('escaped')");
    ByteArrayOutputStream echo = new ByteArrayOutputStream();
    LuaRunResult result =
        LuaScripts.runFile(dir.resolve("main.lua"), node.builder(), Duration.ofSeconds(10), echo);
    assertThat(result.status()).isEqualTo(LuaRunResult.Status.OK);
    assertThat(result.output()).isEqualTo("helper runs\nmain got\tok\ttrue\n");
    assertThat(echo.toString(StandardCharsets.UTF_8)).isEqualTo(result.output());
    assertThat(ScriptLibrary.directory(dir).find("../outside")).isEmpty();
    assertThat(ScriptLibrary.directory(dir).find(dir.getParent().resolve("outside.lua").toString()))
        .isEmpty();
  }

  @Test
  void timeoutKillsTheScript() throws InterruptedException {
    LuaRunResult result =
        LuaScripts.run(
            new LuaScript("slow.lua", "print('before') while true do end"),
            node.builder(),
            Duration.ofMillis(1500),
            null);
    assertThat(result.status()).isEqualTo(LuaRunResult.Status.TIMED_OUT);
    assertThat(result.status().exitCode()).isEqualTo(124);
    assertThat(result.error()).contains("timed out after 1500 ms");
  }

  @Test
  void failuresCarryLuaStyleMessages() throws InterruptedException {
    assertThat(node.run("local t = nil\nreturn t.x").error().orElseThrow())
        .startsWith("main.lua:2: ");
    assertThat(node.run("local function f() return f() + 1 end f()").error())
        .contains("stack overflow");
    assertThat(node.run("error({code = 1})").status()).isEqualTo(LuaRunResult.Status.FAILED);
  }
}
