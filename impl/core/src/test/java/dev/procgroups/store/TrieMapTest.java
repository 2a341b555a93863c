package dev.procgroups.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrieMapTest {

  /** Keys made of "Aa"/"BB" blocks share one hashCode per length: they reach collision nodes. */
  private static String colliding(int bits, int blocks) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < blocks; i++) {
      key.append((bits >> i & 1) == 0 ? "Aa" : "BB");
    }
    return key.toString();
  }

  @Test
  void randomEditsMatchAHashMapAndEveryBuiltVersionStaysAsBuilt() {
    for (long seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        keys.add("g" + i);
      }
      for (int bits = 0; bits < 16; bits++) {
        keys.add(colliding(bits, 4));
      }
      TrieMap<String, Integer> map = TrieMap.empty();
      Map<String, Integer> expected = new HashMap<>();
      List<TrieMap<String, Integer>> versions = new ArrayList<>();
      List<Map<String, Integer>> expectedVersions = new ArrayList<>();
      for (int batch = 0; batch < 60; batch++) {
        TrieMap.Editor<String, Integer> editor = map.edit();
        int edits = random.nextInt(1 + random.nextInt(400));
        for (int i = 0; i < edits; i++) {
          String key = keys.get(random.nextInt(batch < 30 ? keys.size() : 40));
          if (random.nextInt(3) == 0) {
            editor.remove(key);
            expected.remove(key);
          } else {
            int value = random.nextInt(5);
            editor.put(key, value);
            expected.put(key, value);
          }
          assertThat(editor.size()).isEqualTo(expected.size());
        }
        map = editor.build();
        versions.add(map);
        expectedVersions.add(new HashMap<>(expected));
      }
      for (int v = 0; v < versions.size(); v++) {
        assertSame(versions.get(v), expectedVersions.get(v), keys);
      }
    }
  }

  @Test
  void anEditorKeptAfterBuildCopiesAgainInsteadOfChangingTheBuiltVersion() {
    TrieMap.Editor<String, Integer> editor = TrieMap.<String, Integer>empty().edit();
    for (int i = 0; i < 100; i++) {
      editor.put("k" + i, i);
    }
    TrieMap<String, Integer> first = editor.build();
    for (int i = 0; i < 100; i++) {
      editor.put("k" + i, -i);
      editor.remove("k" + (i / 2));
    }
    TrieMap<String, Integer> second = editor.build();
    for (int i = 0; i < 100; i++) {
      assertThat(first.get("k" + i)).isEqualTo(i);
    }
    assertThat(first.size()).isEqualTo(100);
    assertThat(second.size()).isEqualTo(50);
    assertThat(second.get("k49")).isNull();
    assertThat(second.get("k50")).isEqualTo(-50);
  }

  @Test
  void removingEveryKeyLeavesAnEmptyMap() {
    TrieMap.Editor<String, Integer> editor = TrieMap.<String, Integer>empty().edit();
    for (int bits = 0; bits < 8; bits++) {
      editor.put(colliding(bits, 3), bits);
      editor.put("x" + bits, bits);
    }
    for (int bits = 0; bits < 8; bits++) {
      editor.remove(colliding(bits, 3));
      editor.remove("x" + bits);
      editor.remove("never there");
    }
    TrieMap<String, Integer> map = editor.build();
    assertThat(map.size()).isZero();
    assertThat(map.keySet()).isEmpty();
    assertThat(map.get("x1")).isNull();
  }

  private static void assertSame(
      TrieMap<String, Integer> map, Map<String, Integer> expected, List<String> keys) {
    assertThat(map.size()).isEqualTo(expected.size());
    for (String key : keys) {
      assertThat(map.get(key)).as(key).isEqualTo(expected.get(key));
    }
    List<String> iterated = new ArrayList<>(map.keySet());
    assertThat(iterated).hasSize(expected.size());
    assertThat(new HashSet<>(iterated)).isEqualTo(expected.keySet());
    assertThat(map.keySet()).isEqualTo(expected.keySet());
    Map<String, Integer> visited = new HashMap<>();
    map.forEach(visited::put);
    assertThat(visited).isEqualTo(expected);
  }
}
