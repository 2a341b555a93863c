package dev.procgroups.lua;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where {@code process.spawn(name)} finds scripts. */
@FunctionalInterface
public interface ScriptLibrary {

  /** The script called {@code name}, if there is one. */
  Optional<LuaScript> find(String name);

  /** No scripts: every spawn by name fails with NOT_FOUND. */
  static ScriptLibrary none() {
    return name -> Optional.empty();
  }

  /** Scripts given by name (for tests and embedded use). */
  static ScriptLibrary of(Map<String, String> sources) {
    Map<String, String> copy = Map.copyOf(sources);
    return name -> Optional.ofNullable(copy.get(name)).map(source -> new LuaScript(name, source));
  }

  /**
   * The {@code .lua} files under {@code root}: a name is a relative path, with or without the
   * {@code .lua} suffix. A name that leaves {@code root} (absolute, or through {@code ..}) finds
   * nothing.
   */
  static ScriptLibrary directory(Path root) {
    Path base = root.toAbsolutePath().normalize();
    return name -> {
      for (String candidate :
          name.endsWith(".lua") ? new String[] {name} : new String[] {name, name + ".lua"}) {
        Path file = base.resolve(candidate).normalize();
        if (file.startsWith(base)
            && !Path.of(candidate).isAbsolute()
            && Files.isRegularFile(file)) {
          try {
            return Optional.of(
                new LuaScript(base.relativize(file).toString(), Files.readString(file)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return Optional.empty();
    };
  }
}
