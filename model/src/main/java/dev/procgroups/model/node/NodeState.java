package dev.procgroups.model.node;

import dev.procgroups.model.policy.Policy;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The whole state of one node, an immutable value: its name, its policy, the live processes (and
 * every PID that ever lived here, so none is reused), its scopes in registration order, the
 * instances and subscriptions by id, and the next handle id (instances and subscriptions share one
 * counter, starting at 1). Build the first state with {@link #initial}; get the next ones from
 * {@link NodeModel#step}.
 */
public record NodeState(
    String node,
    Policy policy,
    Set<String> live,
    Set<String> used,
    Map<String, ScopeState> scopes,
    Map<Long, Instance> instances,
    Map<Long, Subscription> subscriptions,
    long nextId) {

  public NodeState {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(policy, "policy");
    live = Collections.unmodifiableSet(new LinkedHashSet<>(live));
    used = Collections.unmodifiableSet(new LinkedHashSet<>(used));
    scopes = Ordered.copyOf(scopes);
    instances = Ordered.copyOf(instances);
    subscriptions = Ordered.copyOf(subscriptions);
  }

  /** A node with no processes and no scopes, under {@code policy}. */
  public static NodeState initial(String node, Policy policy) {
    return new NodeState(node, policy, Set.of(), Set.of(), Map.of(), Map.of(), Map.of(), 1);
  }

  /** A node with no processes and no scopes, allowing everything. */
  public static NodeState initial(String node) {
    return initial(node, Policy.allowAll());
  }

  /**
   * The same node after a restart: same name, policy and scope entries (registry config survives,
   * stopped scopes run again), but no processes, slots, instances or subscriptions, and no
   * knowledge of other nodes. The used PIDs are kept: a PID is never reused under one node name,
   * across restarts too (DECISIONS.md, "PIDs and incarnations").
   */
  public NodeState restarted() {
    NodeState fresh = new NodeState(node, policy, Set.of(), used, Map.of(), Map.of(), Map.of(), 1);
    for (ScopeState scope : scopes.values()) {
      fresh = fresh.withScope(ScopeState.fresh(scope.id(), scope.config()));
    }
    return fresh;
  }

  public boolean isAlive(String pid) {
    return live.contains(pid);
  }

  /** The scope's state, or null if no such entry is registered. */
  public ScopeState scope(String id) {
    return scopes.get(id);
  }

  /** The instance with this id; throws if the model never returned it. */
  public Instance instance(long id) {
    Instance instance = instances.get(id);
    if (instance == null) {
      throw new IllegalArgumentException("no instance " + id + " on " + node);
    }
    return instance;
  }

  /** The subscription with this id; throws if the model never returned it. */
  public Subscription subscription(long id) {
    Subscription subscription = subscriptions.get(id);
    if (subscription == null) {
      throw new IllegalArgumentException("no subscription " + id + " on " + node);
    }
    return subscription;
  }

  /** Members of {@code group} in {@code scope} as this node sees them; empty if unknown. */
  public List<String> members(String scope, String group) {
    ScopeState state = scopes.get(scope);
    return state == null ? List.of() : state.members(group);
  }

  /** Local members of {@code group} in {@code scope}; empty if unknown. */
  public List<String> localMembers(String scope, String group) {
    ScopeState state = scopes.get(scope);
    return state == null ? List.of() : state.localMembers(group);
  }

  /** This node's whole view of {@code scope}: group → members; empty if unknown. */
  public Map<String, List<String>> view(String scope) {
    ScopeState state = scopes.get(scope);
    return state == null ? Map.of() : state.view();
  }

  /** The slots this node owns in {@code scope}: group → local members; empty if unknown. */
  public Map<String, List<String>> localView(String scope) {
    ScopeState state = scopes.get(scope);
    return state == null ? Map.of() : state.localView();
  }

  NodeState withScope(ScopeState scope) {
    return new NodeState(
        node,
        policy,
        live,
        used,
        Ordered.with(scopes, scope.id(), scope),
        instances,
        subscriptions,
        nextId);
  }

  NodeState withInstance(Instance instance) {
    return new NodeState(
        node,
        policy,
        live,
        used,
        scopes,
        Ordered.with(instances, instance.id(), instance),
        subscriptions,
        nextId);
  }

  NodeState withSubscription(Subscription subscription) {
    return new NodeState(
        node,
        policy,
        live,
        used,
        scopes,
        instances,
        Ordered.with(subscriptions, subscription.id(), subscription),
        nextId);
  }

  NodeState withSubscriptions(Map<Long, Subscription> all) {
    return new NodeState(node, policy, live, used, scopes, instances, all, nextId);
  }

  NodeState withNextId() {
    return new NodeState(node, policy, live, used, scopes, instances, subscriptions, nextId + 1);
  }

  NodeState withSpawned(String pid) {
    Set<String> nowLive = new LinkedHashSet<>(live);
    nowLive.add(pid);
    Set<String> nowUsed = new LinkedHashSet<>(used);
    nowUsed.add(pid);
    return new NodeState(node, policy, nowLive, nowUsed, scopes, instances, subscriptions, nextId);
  }

  NodeState withExited(String pid) {
    Set<String> nowLive = new LinkedHashSet<>(live);
    nowLive.remove(pid);
    return new NodeState(node, policy, nowLive, used, scopes, instances, subscriptions, nextId);
  }
}
