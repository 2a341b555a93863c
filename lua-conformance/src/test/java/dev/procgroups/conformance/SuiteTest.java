package dev.procgroups.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SuiteTest {

  /** Every code block of pg-api.txt, as the doc prints it. */
  static final List<String> DOC_BLOCKS =
      List.of(
          """
      local pg = require("pg")""",
          """
      local group, err = pg.open("app:pg")
      if err then
          return nil, err
      end""",
          """
      local ok, err = group:join("workers")           -- single group
      local ok, err = group:join({"workers", "all"})  -- batch
      local ok, err = group:leave("workers")""",
          """
      local members, err = group:get_members("workers")        -- all nodes
      local local_members, err = group:get_local_members("workers")  -- this node only""",
          """
      local groups, err = group:which_groups()         -- all groups in the cluster
      local local_groups, err = group:which_local_groups()  -- groups with a local member""",
          """
      local ok, err = group:broadcast("workers", "task", {id = 42})   -- all nodes
      local ok, err = group:broadcast_local("workers", "task", {id = 42})  -- this node only""",
          """
      local sub, members, err = group:monitor("workers")
      if err then
          return nil, err
      end

      for _, pid in ipairs(members) do
          -- current members at subscription time
      end

      local ch = sub:channel()
      local event = ch:receive()  -- {kind = "member.joined" | "member.left", path = "workers", data = {...}}

      sub:close()  -- unsubscribe; sub:close({flush = true}) drains queued events first""",
          """
      local sub, snapshot, err = group:events()
      -- snapshot: { ["workers"] = {pid, ...}, ["all"] = {pid, ...} }

      local event = sub:channel():receive()
      sub:close()""",
          """
      group:release()""");

  private final Suite suite = Suite.bundled();

  @Test
  void theDocBlocksAreTheDocs() throws IOException {
    String doc = resource("pg-api.txt");
    for (String block : DOC_BLOCKS) {
      assertThat(doc).as("pg-api.txt contains this block").contains(block);
    }
  }

  @Test
  void ourCopyOfTheDocIsCurrent() throws IOException {
    Path shared = Path.of("..", "..", "shared", "spec", "pg-api.txt");
    Assumptions.assumeTrue(Files.exists(shared), "no shared/ beside the checkout");
    assertThat(resource("pg-api.txt")).isEqualTo(Files.readString(shared));
  }

  @Test
  void everyDocBlockRunsUnmodifiedInASpecScript() {
    List<String> specSources =
        suite.scripts().stream()
            .filter(s -> s.tags().contains("spec"))
            .map(ConformanceScript::source)
            .toList();
    for (String block : DOC_BLOCKS) {
      assertThat(specSources)
          .as("a spec script holds, verbatim:%n%s", block)
          .anyMatch(source -> source.contains(block));
    }
  }

  @Test
  void everyRowOfTheDocTablesHasAScript() {
    Set<String> ids =
        suite.scripts().stream().map(ConformanceScript::id).collect(Collectors.toSet());
    assertThat(ids.stream().filter(id -> id.startsWith("perm_"))).hasSize(11);
    assertThat(ids.stream().filter(id -> id.startsWith("err_"))).hasSize(5);
    List<String> deniedActions =
        suite.scripts().stream()
            .filter(s -> s.id().startsWith("perm_"))
            .flatMap(s -> s.denials().stream())
            .map(ConformanceScript.Denial::action)
            .sorted()
            .toList();
    assertThat(deniedActions)
        .containsExactly(
            "pg.broadcast",
            "pg.broadcast_local",
            "pg.events",
            "pg.get_local_members",
            "pg.get_members",
            "pg.join",
            "pg.leave",
            "pg.monitor",
            "pg.open",
            "pg.which_groups",
            "pg.which_local_groups");
  }

  @Test
  void headersAreWellFormed() {
    assertThat(suite.scripts()).hasSizeGreaterThan(40);
    assertThat(suite.scripts().stream().map(ConformanceScript::id).distinct())
        .hasSameSizeAs(suite.scripts());
    for (ConformanceScript s : suite.scripts()) {
      assertThat(s.tags()).as(s.path()).containsExactly(s.path().replaceFirst("/.*", ""));
      assertThat(s.path()).as("file name matches id").endsWith("/" + s.id() + ".lua");
      assertThat(s.description()).as(s.path()).isNotBlank();
      assertThat(s.nodes()).as(s.path()).isBetween(1, 3);
    }
  }

  /** What a case uses shows in its source; its needs: header must name the capability. */
  @Test
  void everyCaseDeclaresTheCapabilitiesItUses() {
    for (ConformanceScript s : suite.scripts()) {
      Set<Capability> uses = EnumSet.of(Capability.CORE);
      if (s.source().matches("(?s).*(spawn\\.|host\\.spawn).*")) {
        uses.add(Capability.SPAWN);
      }
      if (s.nodes() > 1) {
        uses.add(Capability.MULTI_NODE);
      }
      if (!s.denials().isEmpty()) {
        uses.add(Capability.POLICY);
      }
      if (s.source().contains("app:other")) {
        uses.add(Capability.SCOPES);
      }
      if (s.source().contains(":dropped()") || s.source().contains("1024")) {
        uses.add(Capability.LIMITS);
      }
      assertThat(s.needs()).as("needs: of " + s.path()).isEqualTo(uses);
    }
  }

  @Test
  void parsesDenialsAndRejectsAHeaderlessScript() {
    ConformanceScript s =
        ConformanceScript.parse(
            "spec/x.lua",
            "-- conformance: x\n-- tags: spec\n-- nodes: 3\n-- needs: spawn multi-node\n"
                + "-- deny: pg.join secret\n-- describe: d\nprint(1)\n");
    assertThat(s.nodes()).isEqualTo(3);
    assertThat(s.needs())
        .containsExactlyInAnyOrder(Capability.CORE, Capability.SPAWN, Capability.MULTI_NODE);
    assertThatThrownBy(
            () -> ConformanceScript.parse("z.lua", "-- conformance: z\n-- needs: teleport\n"))
        .hasMessageContaining("unknown capability");
    assertThat(s.denials()).containsExactly(new ConformanceScript.Denial("pg.join", "secret"));
    assertThatThrownBy(() -> ConformanceScript.parse("y.lua", "print(1)"))
        .hasMessageContaining("no '-- conformance");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SuiteTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
