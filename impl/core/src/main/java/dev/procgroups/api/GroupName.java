package dev.procgroups.api;

import java.util.Objects;

/** A group's name: a non-empty string, checked when it is made rather than when it is used. */
public record GroupName(String value) {

  public GroupName {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a group name is a non-empty string");
    }
  }

  public static GroupName of(String value) {
    return new GroupName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
