package dev.procgroups.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.process.Pid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {

  private static final Pid P1 = new Pid("n1", "app:processes", 1);
  private static final Pid P2 = new Pid("n2", "app:processes", 1);

  @Test
  void globs() {
    assertThat(Glob.of("pg.*").matches("pg.join")).isTrue();
    assertThat(Glob.of("pg.*").matches("pgx")).isFalse();
    assertThat(Glob.of("a?c").matches("abc")).isTrue();
    assertThat(Glob.of("a?c").matches("ac")).isFalse();
    assertThat(Glob.of("app:*").matches("app:pg")).isTrue();
    assertThat(Glob.of("x.(y)+").matches("x.(y)+")).isTrue();
    assertThat(Glob.of("x.(y)+").matches("x.yy")).isFalse();
  }

  @Test
  void defaultAllowsEverything() {
    assertThat(SecurityPolicy.allowAll().allows(P1, "pg.join", "anything")).isTrue();
  }

  @Test
  void anyDenyWinsAndUnmatchedGetsTheDefault() {
    RulePolicy policy =
        new RulePolicy(
            List.of(Rule.allow("pg.*", "*"), Rule.deny("pg.join", "admin.*")), Rule.Effect.DENY);
    assertThat(policy.allows(P1, "pg.join", "workers")).isTrue();
    assertThat(policy.allows(P1, "pg.join", "admin.x")).isFalse();
    assertThat(policy.allows(P1, "pg.leave", "admin.x")).isTrue();
    assertThat(policy.allows(P1, "fs.read", "x")).isFalse();
    RulePolicy open = new RulePolicy(List.of(Rule.deny("pg.events", "*")), Rule.Effect.ALLOW);
    assertThat(open.allows(P1, "fs.read", "x")).isTrue();
    assertThat(open.allows(P1, "pg.events", "app:pg")).isFalse();
  }

  @Test
  void policyFileWithProcessGlobs(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.json");
    Files.writeString(
        file,
        """
        {"default": "allow",
         "rules": [
           {"effect": "deny", "action": "pg.join", "resource": "secret*", "process": "{n2@*"},
           {"effect": "allow", "action": "pg.join"}
         ]}
        """);
    RulePolicy policy = PolicyFile.load(file);
    assertThat(policy.defaultEffect()).isEqualTo(Rule.Effect.ALLOW);
    assertThat(policy.allows(P1, "pg.join", "secret")).isTrue();
    assertThat(policy.allows(P2, "pg.join", "secret")).isFalse();
    assertThat(policy.allows(P2, "pg.join", "public")).isTrue();
  }

  @Test
  void policyFileDefaultsToDeny() throws Exception {
    RulePolicy policy =
        PolicyFile.parse("{\"rules\": [{\"effect\": \"allow\", \"action\": \"pg.open\"}]}");
    assertThat(policy.allows(P1, "pg.open", "app:pg")).isTrue();
    assertThat(policy.allows(P1, "pg.join", "g")).isFalse();
  }

  @Test
  void badPolicyFilesSayWhatIsWrong() {
    assertThatThrownBy(() -> PolicyFile.parse("{\"rulez\": []}"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("rulez");
    assertThatThrownBy(() -> PolicyFile.parse("{\"rules\": [{\"effect\": \"maybe\"}]}"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("rules[1].effect");
    assertThatThrownBy(() -> PolicyFile.parse("{\"rules\": [{\"action\": \"pg.*\"}]}"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("needs an effect");
    assertThatThrownBy(
            () -> PolicyFile.parse("{\"rules\": [{\"effect\": \"allow\", \"resorce\": \"x\"}]}"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("resorce");
    assertThatThrownBy(() -> PolicyFile.parse("not json"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("JSON");
    assertThatThrownBy(() -> PolicyFile.parse("{\"rules\": {}}"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("array");
  }
}
