package dev.procgroups.model.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

final class FormatAssertions {

  private FormatAssertions() {}

  static void assertRejected(ThrowingCallable read, String message, int line, int column) {
    assertThatThrownBy(read)
        .isInstanceOfSatisfying(
            FormatException.class,
            e -> {
              assertThat(e.getMessage()).contains(message);
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.column()).isEqualTo(column);
            });
  }
}
