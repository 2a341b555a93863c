package dev.procgroups.lua;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A Lua script: the name its errors are reported under, and its source text. */
public record LuaScript(String name, String source) {

  public LuaScript {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  /** Reads a script file (UTF-8); its name is the file name. */
  public static LuaScript read(Path file) throws IOException {
    return new LuaScript(
        file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
  }
}
