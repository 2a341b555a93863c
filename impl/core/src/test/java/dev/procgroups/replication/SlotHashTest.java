package dev.procgroups.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.process.Pid;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class SlotHashTest {

  /**
   * The hash of a slot is that of its PID's string form, as when slots were strings: nodes agree on
   * digests whichever of the two forms they hash.
   */
  @Property(tries = 500)
  void aSlotHashesAsItsPidsStringForm(
      @ForAll @StringLength(min = 1, max = 8) String group,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long id) {
    Pid pid = new Pid("n1", "app:processes", id);
    assertThat(SlotHash.of(group, pid)).isEqualTo(fnvOfStrings(group, pid.toString()));
  }

  /** The hash as it was computed over strings (FNV-1a, separator, final mix). */
  private static long fnvOfStrings(String group, String pid) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < group.length(); i++) {
      h = (h ^ group.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ 0x10000) * 0x100000001b3L;
    for (int i = 0; i < pid.length(); i++) {
      h = (h ^ pid.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
