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

/** The scripts of the suite under one root folder: {@code spec/*.lua} and {@code settled/*.lua}. */
public record Suite(Path root, List<ConformanceScript> scripts) {

  private static final String RESOURCE = "conformance";

  public static Suite load(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      List<ConformanceScript> scripts = files
          .filter(p -> p.toString().endsWith(".lua"))
          .map(root::relativize)
          .map(p -> p.toString().replace('\\', '/'))
          .filter(p -> p.startsWith("spec/") || p.startsWith("settled/"))
          .sorted()
          .map(p -> ConformanceScript.parse(p, read(root.resolve(p))))
          .toList();
      return new Suite(root, scripts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the suite at " + root, e);
    }
  }

  /**
   * The suite shipped in this module's resources, as a folder: the resource folder itself when
   * running from classes, or a copy in a temporary folder when running from a jar (adapters for
   * other runtimes need real files).
   */
  public static Suite bundled() {
    URL url = Suite.class.getClassLoader().getResource(RESOURCE + "/harness.lua");
    if (url == null) {
      throw new IllegalStateException("the conformance scripts are not on the class path");
    }
    try {
      if ("file".equals(url.getProtocol())) {
        return load(Path.of(url.toURI()).getParent());
      }
      return load(extract(url));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the bundled suite at " + url, e);
    }
  }

  private static Path extract(URL url) throws IOException, URISyntaxException {
    Path target = Files.createTempDirectory("procgroups-conformance");
    try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of());
         Stream<Path> files = Files.walk(jar.getPath(RESOURCE))) {
      for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
        Path out = target.resolve(jar.getPath(RESOURCE).relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(out);
        } else {
          try (InputStream in = Files.newInputStream(p)) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    return target;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
