package dev.procgroups.lua;

import dev.procgroups.lua.sandbox.LuaJPatch;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs {@link LuaJPatch} when the test run starts, before any test class is linked: a test that
 * touches LuaJ types directly (a payload test, {@link LuaFixture}) would otherwise load the stock
 * classes first, and every later test in the same JVM would run unpatched.
 */
public final class LuaJPatchSession implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    LuaJPatch.ensureInstalled();
  }
}
