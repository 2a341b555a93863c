package dev.procgroups.props.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.process.Pid;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written PID scanner accepts exactly the language of the regex it replaced, and parses
 * accepted strings into the same parts. Strings are built from the PID's own delimiters, hex digits
 * and a few other characters, so that near-misses are frequent.
 */
class PidParseProperties {
  private static final Pattern FORMAT =
      Pattern.compile("\\{([^@{}|]+)@([^{}|]+)\\|([0-9a-f]{6,15}|[0-7][0-9a-f]{15})}");

  @Property(tries = 3000)
  void scannerAcceptsTheRegexLanguage(@ForAll("nearPids") String text) {
    Matcher m = FORMAT.matcher(text);
    boolean matches = m.matches();
    assertThat(Pid.isPid(text)).as(text).isEqualTo(matches);
    if (!matches) {
      assertThatThrownBy(() -> Pid.parse(text)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    assertThat(Pid.parse(text))
        .isEqualTo(new Pid(m.group(1), m.group(2), Long.parseLong(m.group(3), 16)));
  }

  @Provide
  Arbitrary<String> nearPids() {
    Arbitrary<String> part =
        Arbitraries.strings().withChars("{}@|0123456789abcdefAn:\u00e9").ofMaxLength(8);
    Arbitrary<String> hex =
        Arbitraries.strings().withChars("0123456789abcdefG|}").ofMinLength(4).ofMaxLength(18);
    Arbitrary<String> shaped =
        Combinators.combine(part, part, hex)
            .as((node, host, digits) -> "{" + node + "@" + host + "|" + digits + "}");
    Arbitrary<String> valid =
        Arbitraries.longs().greaterOrEqual(0).map(id -> new Pid("n1", "h@x", id).toString());
    return Arbitraries.oneOf(shaped, valid, part, Arbitraries.strings().ofMaxLength(30));
  }
}
