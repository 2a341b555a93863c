package dev.procgroups.model.linearizability;

import dev.procgroups.model.history.Keyword;
import dev.procgroups.model.history.Values;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of one node's membership calls in a history, as {@link MembershipSpecification} reads
 * them and as clients should record them:
 *
 * <pre>
 * {:f :join,  :value {:pid "{n1@app:processes|000001}", :group "g"}}      ok / info; fail = no effect
 * {:f :leave, :value {:pid ..., :group "g"}}        ok / info; fail with :error :invalid = "no slot"
 * {:f :get_members, :value {:group "g"}}           ok value {:group "g", :members ["{n1@...}" ...]}
 * {:f :get_local_members, :value {:group "g"}}     same as get_members
 * </pre>
 *
 * The Clojure spellings {@code :get-members} and {@code :get-local-members} are accepted too. An
 * {@code :error} names its kind as a keyword ({@code :invalid}), a string ({@code "INVALID"}), or
 * the first element of a vector ({@code [:invalid "no membership"]}); case and '-'/'_' do not
 * matter.
 */
public final class MembershipOps {

  public static final Keyword JOIN = Keyword.of("join");
  public static final Keyword LEAVE = Keyword.of("leave");
  public static final Keyword GET_MEMBERS = Keyword.of("get_members");
  public static final Keyword GET_LOCAL_MEMBERS = Keyword.of("get_local_members");
  public static final Keyword PID = Keyword.of("pid");
  public static final Keyword GROUP = Keyword.of("group");
  public static final Keyword MEMBERS = Keyword.of("members");

  /** The error kind of a leave without a slot. */
  public static final Keyword INVALID = Keyword.of("invalid");

  private MembershipOps() {}

  /** The value of a join or leave call. */
  public static Map<Keyword, Object> slot(String pid, String group) {
    return Values.map("pid", pid, "group", group);
  }

  /** The invocation value of a read. */
  public static Map<Keyword, Object> read(String group) {
    return Values.map("group", group);
  }

  /** The completion value of a read. */
  public static Map<Keyword, Object> readResult(String group, List<String> members) {
    return Values.map("group", group, "members", members);
  }

  /**
   * The call name with Clojure's '-' read as the API's '_' ({@code :get-members} is {@code
   * :get_members}).
   */
  public static Keyword canonical(Keyword f) {
    return f.name().indexOf('-') < 0 ? f : Keyword.of(f.name().replace('-', '_'));
  }

  /** The error kind in upper case with '_' ("INVALID"), or null when there is none. */
  public static String errorKind(Object error) {
    if (error instanceof Keyword k) {
      return normalize(k.name());
    }
    if (error instanceof String s) {
      return normalize(s);
    }
    if (error instanceof List<?> list && !list.isEmpty()) {
      return errorKind(list.get(0));
    }
    return null;
  }

  private static String normalize(String kind) {
    return kind.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
