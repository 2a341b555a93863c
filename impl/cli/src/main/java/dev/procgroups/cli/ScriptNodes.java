package dev.procgroups.cli;

import dev.procgroups.node.LocalCluster;
import dev.procgroups.pg.Pg;
import dev.procgroups.pg.RemoteBroadcast;
import dev.procgroups.process.ProcessRuntime;
import dev.procgroups.registry.Registry;
import dev.procgroups.registry.RegistryException;
import dev.procgroups.security.SecurityPolicy;
import java.util.Map;

/**
 * Where {@code procgroups run} runs a script: node 1 of an embedded cluster of real nodes, or, for
 * one node, that node's process runtime and pg alone. With one node there is nobody to replicate to
 * or hear from, so the cluster layer (Atomix, sockets, membership) would only cost start-up time;
 * scopes, policy and the pg API are the same.
 */
interface ScriptNodes extends AutoCloseable {

  /** The processes of node 1. */
  ProcessRuntime processes();

  /** The pg of node 1. */
  Pg pg();

  @Override
  void close();

  static ScriptNodes start(
      int nodes, Map<String, Map<String, Object>> scopes, SecurityPolicy policy)
      throws RegistryException {
    return nodes == 1 ? alone(scopes, policy) : cluster(nodes, scopes, policy);
  }

  private static ScriptNodes alone(Map<String, Map<String, Object>> scopes, SecurityPolicy policy)
      throws RegistryException {
    Registry registry = new Registry();
    for (Map.Entry<String, Map<String, Object>> scope : scopes.entrySet()) {
      registry.registerScope(scope.getKey(), scope.getValue());
    }
    ProcessRuntime runtime = ProcessRuntime.create("n1", 1);
    Pg pg = new Pg("n1", registry, policy, runtime, RemoteBroadcast.NONE);
    return new ScriptNodes() {
      @Override
      public ProcessRuntime processes() {
        return runtime;
      }

      @Override
      public Pg pg() {
        return pg;
      }

      @Override
      public void close() {
        runtime.close();
      }
    };
  }

  private static ScriptNodes cluster(
      int nodes, Map<String, Map<String, Object>> scopes, SecurityPolicy policy)
      throws RegistryException {
    LocalCluster cluster = new LocalCluster(nodes, scopes, policy);
    return new ScriptNodes() {
      @Override
      public ProcessRuntime processes() {
        return cluster.node(1).processes();
      }

      @Override
      public Pg pg() {
        return cluster.node(1).pg();
      }

      @Override
      public void close() {
        cluster.close();
      }
    };
  }
}
