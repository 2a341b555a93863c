package dev.procgroups.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PidTest {

  @Test
  void idsArePaddedToSixLowercaseHexDigits() {
    assertThat(new Pid("n1", "h", 0).toString()).isEqualTo("{n1@h|000000}");
    assertThat(new Pid("n1", "h", 0xabc).toString()).isEqualTo("{n1@h|000abc}");
    assertThat(new Pid("n1", "h", 0xabcdef1L).toString()).isEqualTo("{n1@h|abcdef1}");
    assertThat(new Pid("n1", "a@b:c", Long.MAX_VALUE).toString())
        .isEqualTo("{n1@a@b:c|7fffffffffffffff}");
  }

  @Test
  void parseReadsBackWhatToStringWrites() {
    SplittableRandom random = new SplittableRandom(7);
    String[] nodes = {"n1", "w2", "observer", "x"};
    String[] hosts = {"h", "app:processes", "a@b"};
    for (int i = 0; i < 10_000; i++) {
      long id = random.nextInt(4) == 0 ? random.nextLong(0x1000) : random.nextLong(Long.MAX_VALUE);
      Pid pid =
          new Pid(nodes[random.nextInt(nodes.length)], hosts[random.nextInt(hosts.length)], id);
      assertThat(Pid.parse(pid.toString())).isEqualTo(pid);
    }
  }

  @Test
  void pidsOfOneNodeShareTheirNameStrings() {
    Pid a = Pid.parse("{w1@bench:processes|000001}");
    Pid b = Pid.parse("{w1@bench:processes|000002}");
    assertThat(b.node()).isSameAs(a.node());
    assertThat(b.host()).isSameAs(a.host());
    assertThat(Pid.parse("{w2@bench:processes|000001}").node()).isEqualTo("w2");
  }

  @Test
  void malformedTextIsRefused() {
    for (String bad :
        new String[] {
          "",
          "{}",
          "{n1@h|00001}",
          "{n1@h|00000G}",
          "{@h|000001}",
          "{n1@|000001}",
          "n1@h|000001",
          "{n1@h|8000000000000000}",
          "{n1|h@000001}"
        }) {
      assertThat(Pid.isPid(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> Pid.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
