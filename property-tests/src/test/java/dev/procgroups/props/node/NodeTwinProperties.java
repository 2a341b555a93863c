package dev.procgroups.props.node;

import dev.procgroups.model.node.NodeCall;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;

/**
 * The single-node implementation equals the model: random sequences of every call (joins, leaves,
 * reads, broadcasts, monitors and subscription reads/closes, releases, exits, peers' changes,
 * registry entries, scope stops, permission denials) from several processes, on the model and on
 * the implementation; after every call results, errors, deliveries, views and subscription buffers
 * must agree. 1,000 tries by default; {@code -Dprocgroups.tries=N} for more.
 */
class NodeTwinProperties {

  @Property
  @AddLifecycleHook(TryCount.class)
  void implementationBehavesLikeTheModel(@ForAll("sequences") ActionChain<Twin> chain) {
    Twin end = chain.run();
    Statistics.label("calls per sequence").collect(end.steps() / 10 * 10);
  }

  @Provide
  Arbitrary<ActionChain<Twin>> sequences() {
    return twinSequences();
  }

  /** Call sequences on a fresh twin (with the bugs planted when its store is made, if any). */
  static Arbitrary<ActionChain<Twin>> twinSequences() {
    return setups()
        .flatMap(
            setup ->
                ActionChain.startWith(() -> setup.twin())
                    .withAction(new AnyCall())
                    .withMaxTransformations(60));
  }

  private static Arbitrary<Setup> setups() {
    Arbitrary<Long> buffer = Arbitraries.of(1L, 2L, 64L);
    Arbitrary<Long> maxGroups = Arbitraries.of(0L, 0L, 2L);
    Arbitrary<Long> maxMembers = Arbitraries.of(0L, 0L, 2L);
    return Combinators.combine(Arbitraries.of(PolicyPreset.class), buffer, maxGroups, maxMembers)
        .as(Setup::new);
  }

  /** The policy and the {@code app:pg} scope config of one try (0 = no limit). */
  record Setup(PolicyPreset policy, long monitorBuffer, long maxGroups, long maxMembers) {
    Twin twin() {
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("monitor_buffer", monitorBuffer);
      if (maxGroups > 0) {
        config.put("max_groups", maxGroups);
      }
      if (maxMembers > 0) {
        config.put("max_members_per_group", maxMembers);
      }
      return new Twin(policy, config);
    }
  }

  /** One call chosen from the current model state. */
  private static final class AnyCall implements Action.Dependent<Twin> {
    @Override
    public Arbitrary<Transformer<Twin>> transformer(Twin twin) {
      return Calls.any(twin.model())
          .map(call -> Transformer.mutate(describe(call), t -> t.apply(call)));
    }

    private static String describe(NodeCall call) {
      return call.toString();
    }
  }
}
