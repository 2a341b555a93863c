package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.History;
import java.util.List;

/**
 * Hand-written membership histories with known verdicts. For invalid ones, {@code failingIndex} is
 * the index of the op that ends the shortest non-linearizable prefix.
 */
public final class Corpus {

  public record Case(
      String name, History history, boolean valid, long failingIndex, Specification<?> spec) {

    Case(String name, History history, boolean valid, long failingIndex) {
      this(name, history, valid, failingIndex, new MembershipSpecification());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private Corpus() {}

  static Case valid(String name, String... script) {
    return new Case(name, Script.parse(script), true, -1);
  }

  static Case invalid(String name, long failingIndex, String... script) {
    return new Case(name, Script.parse(script), false, failingIndex);
  }

  /** Register histories (see {@link RegisterSpecification}). */
  static List<Case> registerCases() {
    return List.of(
        new Case(
            "register: concurrent writes, the later-invoked one first",
            RegisterSpecification.parse("0 w 1", "1 w 2", "0 ok", "1 ok", "2 r", "2 ok 1"),
            true,
            -1,
            new RegisterSpecification()),
        new Case(
            "register: crashed write seen late",
            RegisterSpecification.parse("0 w 1", "0 info", "1 r", "1 ok 0", "1 r", "1 ok 1"),
            true,
            -1,
            new RegisterSpecification()),
        new Case(
            "register: stale read",
            RegisterSpecification.parse("0 w 1", "0 ok", "1 w 2", "1 ok", "2 r", "2 ok 1"),
            false,
            5,
            new RegisterSpecification()));
  }

  public static List<Case> cases() {
    return List.of(
        valid("empty history"),
        valid(
            "sequential join, read, leave, read",
            "0 join a g",
            "0 ok",
            "0 read g",
            "0 ok a",
            "0 leave a g",
            "0 ok",
            "0 read g",
            "0 ok"),
        valid(
            "multi-join counts slots",
            "0 join a g",
            "0 ok",
            "0 join a g",
            "0 ok",
            "1 read g",
            "1 ok a a",
            "0 leave a g",
            "0 ok",
            "1 local g",
            "1 ok a"),
        valid("read concurrent with join may miss it", "0 join a g", "1 read g", "1 ok", "0 ok"),
        valid("read concurrent with join may see it", "0 join a g", "1 read g", "1 ok a", "0 ok"),
        valid(
            "members compare as multisets, in any order",
            "0 join b g",
            "0 ok",
            "1 join a g",
            "1 ok",
            "0 join b g",
            "0 ok",
            "2 read g",
            "2 ok b a b"),
        valid(
            "leave without a slot fails INVALID",
            "0 leave a g",
            "0 fail invalid",
            "1 read g",
            "1 ok"),
        valid(
            "a failed join (permission) had no effect",
            "0 join a g",
            "0 fail permission-denied",
            "1 read g",
            "1 ok"),
        valid(
            "failed and indeterminate reads say nothing",
            "0 join a g",
            "0 ok",
            "1 read g",
            "1 fail timeout",
            "1 read g",
            "1 info",
            "2 read g",
            "2 ok a"),
        valid("crashed join that took effect", "0 join a g", "0 info", "1 read g", "1 ok a"),
        valid(
            "crashed join that never took effect",
            "0 join a g",
            "0 info",
            "1 read g",
            "1 ok",
            "1 read g",
            "1 ok"),
        valid(
            "crashed join that took effect late",
            "0 join a g",
            "0 info",
            "1 read g",
            "1 ok",
            "1 read g",
            "1 ok a"),
        valid(
            "join that never completed, observed",
            "0 join a g",
            "1 read g",
            "1 ok a",
            "1 read g",
            "1 ok a"),
        valid(
            "crashed leave without a slot is harmless",
            "0 leave a g",
            "0 info",
            "1 read g",
            "1 ok"),
        valid(
            "crashed leave before a concurrent join took effect first",
            "0 leave a g",
            "1 join a g",
            "1 ok",
            "0 info",
            "2 read g",
            "2 ok a"),
        valid(
            "crashed leave after a concurrent join",
            "0 leave a g",
            "1 join a g",
            "1 ok",
            "0 info",
            "2 read g",
            "2 ok"),
        valid(
            "leave concurrent with join must follow it",
            "0 join a g",
            "1 leave a g",
            "0 ok",
            "1 ok",
            "2 read g",
            "2 ok"),
        valid(
            "groups are independent",
            "0 join a g",
            "0 ok",
            "1 join b h",
            "1 ok",
            "2 read g",
            "2 ok a",
            "2 read h",
            "2 ok b",
            "2 read x",
            "2 ok"),
        valid(
            "three overlapping writers and a reader",
            "0 join a g",
            "1 join b g",
            "2 leave a g",
            "3 read g",
            "0 ok",
            "1 ok",
            "2 ok",
            "3 ok b"),
        invalid("stale read after join returned", 3, "0 join a g", "0 ok", "1 read g", "1 ok"),
        invalid("read sees a pid nobody joined", 1, "1 read g", "1 ok a"),
        invalid("leave ok without a slot", 1, "0 leave a g", "0 ok"),
        invalid(
            "leave INVALID while a slot exists",
            3,
            "0 join a g",
            "0 ok",
            "0 leave a g",
            "0 fail invalid"),
        invalid(
            "two joins seen as one slot",
            5,
            "0 join a g",
            "0 ok",
            "0 join a g",
            "0 ok",
            "1 local g",
            "1 ok a"),
        invalid(
            "crashed join observed, then unobserved",
            5,
            "0 join a g",
            "0 info",
            "1 read g",
            "1 ok a",
            "1 read g",
            "1 ok"),
        invalid(
            "failed join observed",
            3,
            "0 join a g",
            "0 fail permission-denied",
            "1 read g",
            "1 ok a"),
        invalid("lost leave", 5, "0 join a g", "0 ok", "0 leave a g", "0 ok", "1 read g", "1 ok a"),
        invalid(
            "reads go back in time",
            7,
            "0 join a g",
            "1 read g",
            "1 ok a",
            "2 read g",
            "2 ok a",
            "3 read g",
            "0 ok",
            "3 ok",
            "4 read g",
            "4 ok a"),
        invalid(
            "the earliest failing group decides the prefix",
            6,
            "0 join a g",
            "0 ok",
            "1 join b h",
            "1 ok",
            "2 read g",
            "3 read h",
            "3 ok",
            "2 ok"),
        invalid(
            "concurrent reads cannot both be right",
            5,
            "0 join a g",
            "1 read g",
            "2 read g",
            "1 ok a",
            "0 ok",
            "2 ok a a"));
  }
}
