package dev.procgroups.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every documented example and table row holds in the model; SelfCheck reports mismatches. */
class DocumentedExamplesTest {

  @TestFactory
  Stream<DynamicTest> everyDocumentedExampleHolds() {
    return DocumentedExamples.all().stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    example.name(), () -> assertThat(example.run()).as(example.name()).isEmpty()));
  }

  @Test
  void thePermissionsTableHasOneRowPerPermission() {
    List<String> names = DocumentedTables.permissionRows().stream().map(Example::name).toList();
    assertThat(names).hasSize(11);
    Arrays.stream(Action.values())
        .forEach(
            action ->
                assertThat(names)
                    .anyMatch(
                        name -> name.contains(action.permission() + " on " + action.method())));
  }

  @Test
  void theErrorsTableHasFiveRows() {
    assertThat(DocumentedTables.errorRows()).hasSize(5);
  }

  @Test
  void theResourceOfEachPermissionIsTheDocs() {
    assertThat(Arrays.stream(Action.values()).filter(Action::checkedOnScope))
        .containsExactlyInAnyOrder(
            Action.OPEN, Action.WHICH_GROUPS, Action.WHICH_LOCAL_GROUPS, Action.EVENTS);
  }

  @Test
  void selfCheckReportsAPlantedMismatchAndCountsIt() {
    Example wrong =
        new Example(
            "planted: join returns false", run -> run.expectOk("join", false, Result.ok(true)));
    Example throwing =
        new Example(
            "planted: throws",
            run -> {
              throw new IllegalStateException("boom");
            });
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int failed =
        SelfCheck.run(
            List.of(DocumentedExamples.prose().get(0), wrong, throwing),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(failed).isEqualTo(2);
    assertThat(out)
        .contains(
            "ok      Opening a Scope",
            "FAILED  planted: join returns false",
            "expected Ok[value=false] but was Ok[value=true]",
            "FAILED  planted: throws",
            "boom",
            "1 of 3 documented examples hold");
  }
}
