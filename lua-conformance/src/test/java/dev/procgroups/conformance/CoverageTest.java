package dev.procgroups.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** COVERAGE.md is current, and it leaves no row of pg-api.txt uncovered. */
class CoverageTest {

  private static final Path TABLE = Path.of("COVERAGE.md");
  private final Suite suite = Suite.bundled();
  private final String doc = doc();

  @Test
  void theTableReadsEveryKindOfRowFromTheDoc() {
    List<CoverageTable.Row> rows = CoverageTable.rows(doc);
    assertThat(
            rows.stream()
                .map(CoverageTable.Row::kind)
                .collect(Collectors.groupingBy(k -> k, Collectors.counting())))
        .containsEntry("permission", 11L)
        .containsEntry("error", 5L)
        .containsEntry("example", (long) SuiteTest.DOC_BLOCKS.size());
    assertThat(rows.stream().map(CoverageTable.Row::key))
        .contains(
            "method:pg.open",
            "method:group:join",
            "method:group:release",
            "method:sub:close",
            "method:ch:receive",
            "perm:pg.which_local_groups",
            "error:instance-released",
            "example:monitoring-a-group");
    assertThat(CoverageTable.examples(doc).stream().map(CoverageTable.Row::text))
        .as("the examples read from the doc are its code blocks")
        .containsExactlyElementsOf(SuiteTest.DOC_BLOCKS);
  }

  @Test
  void noRowIsUncovered() {
    assertThat(CoverageTable.rows(doc))
        .allSatisfy(
            row ->
                assertThat(CoverageTable.covering(row, suite.scripts()))
                    .as("cases covering %s", row.key())
                    .isNotEmpty());
  }

  @Test
  void aRowWithoutACaseShowsAsUncovered() {
    CoverageTable.Row unknown = new CoverageTable.Row("perm:pg.nothing", "permission", "x");
    assertThat(CoverageTable.covering(unknown, suite.scripts())).isEmpty();
    String withNewRow =
        doc.replace(
            "pg.events events() (scope)\n",
            "pg.events events() (scope)\npg.nothing nothing() (scope)\n");
    assertThat(CoverageTable.render(withNewRow, suite)).contains("`perm:pg.nothing` | **none**");
  }

  @Test
  void everyCoversHeaderNamesARowOfTheDoc() {
    Set<String> keys =
        CoverageTable.rows(doc).stream().map(CoverageTable.Row::key).collect(Collectors.toSet());
    for (ConformanceScript s : suite.scripts()) {
      assertThat(keys).as("keys in the covers: header of " + s.path()).containsAll(s.covers());
    }
  }

  @Test
  void theCheckedInTableIsCurrent() throws IOException {
    String generated = CoverageTable.render(doc, suite);
    if (Boolean.getBoolean("conformance.writeCoverage")) {
      Files.writeString(TABLE, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(TABLE))
        .as("COVERAGE.md is stale; regenerate it (see its header)")
        .isEqualTo(generated);
  }

  private static String doc() {
    try (InputStream in = CoverageTest.class.getClassLoader().getResourceAsStream("pg-api.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
