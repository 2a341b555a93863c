package dev.procgroups.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RegistryTest {

  private final Registry registry = new Registry();

  @Test
  void entryIdsHaveOneColonAndDottedNamespaces() {
    assertThat(EntryId.parse("app.billing:pg")).isEqualTo(new EntryId("app.billing", "pg"));
    assertThat(EntryId.isValid("app:pg")).isTrue();
    for (String bad : new String[] {"app", "a:b:c", ":pg", "app:", ""}) {
      assertThat(EntryId.isValid(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> EntryId.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void scopeConfigDefaultsAndValues() throws Exception {
    ScopeEntry plain = registry.registerScope("app:pg", Map.of());
    assertThat(plain.config()).isEqualTo(ScopeConfig.DEFAULTS);
    ScopeEntry tuned =
        registry.registerScope(
            "app:tuned",
            Map.of("monitor_buffer", 8, "max_groups", 3L, "max_members_per_group", (short) 5));
    assertThat(tuned.config()).isEqualTo(new ScopeConfig(8, OptionalInt.of(3), OptionalInt.of(5)));
    assertThat(registry.scope(EntryId.parse("app:tuned"))).contains(tuned);
    assertThat(registry.scope(EntryId.parse("app:other"))).isEmpty();
  }

  @Test
  void unknownKeysAreRejectedByName() {
    assertThatThrownBy(() -> registry.registerScope("app:pg", Map.of("monitor_bufer", 8)))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("monitor_bufer:")
        .hasMessageContaining("monitor_buffer");
    assertThat(registry.scope(EntryId.parse("app:pg"))).isEmpty();
  }

  @Test
  void badValuesKindsAndIdsAreRejected() {
    assertThatThrownBy(() -> registry.registerScope("app:pg", Map.of("max_groups", 0)))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("max_groups");
    assertThatThrownBy(() -> registry.registerScope("app:pg", Map.of("monitor_buffer", "64")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("monitor_buffer");
    assertThatThrownBy(() -> registry.registerScope("app:pg", Map.of("max_groups", 2.0)))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("max_groups:");
    assertThatThrownBy(() -> registry.register("app:q", "queue.queue", Map.of()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("queue.queue");
    assertThatThrownBy(() -> registry.registerScope("nocolon", Map.of()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("namespace:name");
  }

  @Test
  void anIdIsRegisteredOnce() throws Exception {
    registry.registerScope("app:pg", Map.of());
    assertThatThrownBy(() -> registry.registerScope("app:pg", Map.of("monitor_buffer", 2)))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("already registered");
  }

  @Test
  void removeForgetsTheEntry() throws Exception {
    registry.registerScope("app:pg", null);
    assertThat(registry.remove(EntryId.parse("app:pg"))).isTrue();
    assertThat(registry.remove(EntryId.parse("app:pg"))).isFalse();
  }
}
