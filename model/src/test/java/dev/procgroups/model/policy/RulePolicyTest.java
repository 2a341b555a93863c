package dev.procgroups.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.Action;
import org.junit.jupiter.api.Test;

class RulePolicyTest {

  @Test
  void theDefaultPolicyAllowsEverything() {
    for (Action action : Action.values()) {
      assertThat(Policy.allowAll().permits("p", action, "anything")).isTrue();
    }
  }

  @Test
  void nothingIsAllowedWithoutAMatchingAllowRule() {
    RulePolicy policy = RulePolicy.of(Rule.allow("pg.join", "workers"));
    assertThat(policy.permits("p", Action.JOIN, "workers")).isTrue();
    assertThat(policy.permits("p", Action.JOIN, "other")).isFalse();
    assertThat(policy.permits("p", Action.LEAVE, "workers")).isFalse();
    assertThat(RulePolicy.of().permits("p", Action.OPEN, "app:pg")).isFalse();
  }

  @Test
  void anyMatchingDenyWinsWhateverTheOrder() {
    RulePolicy denyFirst = RulePolicy.of(Rule.deny("pg.join", "secret*"), Rule.allow("*", "*"));
    RulePolicy denyLast = RulePolicy.of(Rule.allow("*", "*"), Rule.deny("pg.join", "secret*"));
    for (RulePolicy policy : new RulePolicy[] {denyFirst, denyLast}) {
      assertThat(policy.permits("p", Action.JOIN, "secret.a")).isFalse();
      assertThat(policy.permits("p", Action.JOIN, "public")).isTrue();
      assertThat(policy.permits("p", Action.LEAVE, "secret.a")).isTrue();
    }
  }

  @Test
  void actionsMatchByPermissionNameGlob() {
    RulePolicy readOnly = RulePolicy.of(Rule.allow("pg.get_*", "*"), Rule.allow("pg.which_*", "*"));
    assertThat(readOnly.permits("p", Action.GET_MEMBERS, "g")).isTrue();
    assertThat(readOnly.permits("p", Action.GET_LOCAL_MEMBERS, "g")).isTrue();
    assertThat(readOnly.permits("p", Action.WHICH_LOCAL_GROUPS, "app:pg")).isTrue();
    assertThat(readOnly.permits("p", Action.JOIN, "g")).isFalse();
  }

  @Test
  void globsMatchWholeStringsWithStarAndQuestionMark() {
    assertThat(Glob.matches("*", "")).isTrue();
    assertThat(Glob.matches("*", "a:b.c")).isTrue();
    assertThat(Glob.matches("app:*", "app:pg")).isTrue();
    assertThat(Glob.matches("app:*", "other:pg")).isFalse();
    assertThat(Glob.matches("w?rkers", "workers")).isTrue();
    assertThat(Glob.matches("w?rkers", "wrkers")).isFalse();
    assertThat(Glob.matches("a*b*c", "aXXbYYc")).isTrue();
    assertThat(Glob.matches("a*b*c", "aXXbYY")).isFalse();
    assertThat(Glob.matches("*.log", "x.log.log")).isTrue();
    assertThat(Glob.matches("workers", "workers2")).isFalse();
    assertThat(Glob.matches("workers*", "workers")).isTrue();
  }
}
