package dev.procgroups.daemon.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * The body of a control request; each endpoint reads the fields it needs (see {@link Endpoint}).
 *
 * @param pid the acting process
 * @param group a single group name
 * @param groups a batch of group names (join, leave)
 * @param topic broadcast topic
 * @param payload broadcast payload (JSON value)
 * @param subscription id returned by monitor
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Call(
    String pid,
    String group,
    List<String> groups,
    String topic,
    Object payload,
    String subscription) {

  /**
   * This call if it has every field {@code endpoint} needs, none null (nor a null group in {@code
   * groups}); else an {@link IllegalArgumentException} naming the first missing one.
   */
  public Call checkedFor(Endpoint endpoint) {
    for (Endpoint.Field field : endpoint.required()) {
      Object value =
          switch (field) {
            case PID -> pid;
            case GROUP -> group;
            case GROUPS -> groups;
            case TOPIC -> topic;
            case SUBSCRIPTION -> subscription;
          };
      if (value == null) {
        throw new IllegalArgumentException(
            endpoint.path() + " needs \"" + field.name().toLowerCase(Locale.ROOT) + "\"");
      }
    }
    if (groups != null && groups.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("a group name is null");
    }
    return this;
  }

  public static Call none() {
    return new Call(null, null, null, null, null, null);
  }

  public static Call of(String pid) {
    return new Call(pid, null, null, null, null, null);
  }

  public static Call group(String pid, String group) {
    return new Call(pid, group, null, null, null, null);
  }

  public static Call groups(String pid, List<String> groups) {
    return new Call(pid, null, groups, null, null, null);
  }

  public static Call broadcast(String pid, String group, String topic, Object payload) {
    return new Call(pid, group, null, topic, payload, null);
  }

  public static Call subscription(String id) {
    return new Call(null, null, null, null, null, id);
  }
}
