package dev.procgroups.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cases of the suite under one root folder ({@code spec/}, {@code settled/}, {@code project/},
 * in that order) and the suite's version ({@code VERSION}, printed in every report).
 */
public record Suite(Path root, String version, List<ConformanceScript> scripts) {

  private static final String RESOURCE = "conformance";

  /** The folders that hold cases; each is also the tag of its cases. */
  static final List<String> CASE_FOLDERS = List.of("spec", "settled", "project");

  public static Suite load(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      List<ConformanceScript> scripts =
          files
              .filter(p -> p.toString().endsWith(".lua"))
              .map(root::relativize)
              .map(p -> p.toString().replace('\\', '/'))
              .filter(p -> CASE_FOLDERS.contains(folder(p)))
              .sorted(
                  Comparator.comparing((String p) -> CASE_FOLDERS.indexOf(folder(p)))
                      .thenComparing(Comparator.naturalOrder()))
              .map(p -> ConformanceScript.parse(p, read(root.resolve(p))))
              .toList();
      Path versionFile = root.resolve("VERSION");
      String version = Files.exists(versionFile) ? read(versionFile).trim() : "unversioned";
      return new Suite(root, version, scripts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the suite at " + root, e);
    }
  }

  /**
   * The suite shipped in this module's resources, as a folder: the resource folder itself when
   * running from classes, or a copy under {@code scratch} when running from a jar (adapters for
   * other runtimes need real files).
   */
  public static Suite bundled(Path scratch) {
    URL url = resource();
    try {
      if ("file".equals(url.getProtocol())) {
        return load(Path.of(url.toURI()).getParent());
      }
      Path copy = scratch.resolve("suite").toAbsolutePath();
      export(copy);
      return load(copy);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the bundled suite at " + url, e);
    }
  }

  /** The bundled suite when running from classes (the tests). */
  public static Suite bundled() {
    return bundled(Path.of("target", "conformance"));
  }

  /**
   * Writes the bundled suite (cases, harness, helpers, CONTRACT.md, COVERAGE.md, VERSION) into
   * {@code target}, for a runtime author to vendor.
   */
  public static void export(Path target) throws IOException {
    URL url = resource();
    try {
      if ("file".equals(url.getProtocol())) {
        copyTree(Path.of(url.toURI()).getParent(), target);
        return;
      }
      try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of())) {
        copyTree(jar.getPath(RESOURCE), target);
      }
    } catch (URISyntaxException e) {
      throw new IOException("cannot read the bundled suite at " + url, e);
    }
  }

  private static URL resource() {
    URL url = Suite.class.getClassLoader().getResource(RESOURCE + "/harness.lua");
    if (url == null) {
      throw new IllegalStateException("the conformance scripts are not on the class path");
    }
    return url;
  }

  private static void copyTree(Path from, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
        Path out = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(out);
        } else {
          try (InputStream in = Files.newInputStream(p)) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  private static String folder(String path) {
    return path.substring(0, Math.max(0, path.indexOf('/')));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
