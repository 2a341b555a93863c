package dev.procgroups.jepsen.net;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

/** Skips a test, saying why, unless it runs as root with ip, nft and setpriv (CI has them). */
public final class RootTools {
  private RootTools() {}

  public static void assume() {
    assumeTrue(
        "0".equals(Shell.run("id", "-u").stdout().strip()),
        "skipped: the namespace and nftables tests need root (CI runs them as root)");
    for (String tool : List.of("ip", "nft", "setpriv")) {
      assumeTrue(
          Shell.resolve(tool).isPresent(),
          "skipped: '"
              + tool
              + "' is not installed"
              + " (.ci/run installs iproute2, nftables, util-linux)");
    }
  }
}
