package dev.procgroups.jepsen.node;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * TEST ONLY: the planted bugs a mutant node runs with, by name: {@link NodeMutant}s (planted around
 * the daemon by {@link MutantDecorator}) and the library's own (impl/README.md "Planted bugs",
 * planted inside the node through {@value #LIBRARY_PROPERTY}). A name that is neither is refused,
 * so a typo never runs a correct node in a mutant's place.
 *
 * @param node the node mutants
 * @param library the names of the library's planted bugs
 */
record Mutations(Set<NodeMutant> node, List<String> library) {

  /** Where the library's packages read their planted bugs from. */
  static final String LIBRARY_PROPERTY = "procgroups.plantedBugs";

  /** Every core package with a {@code PlantedBug} enum (impl/README.md "Planted bugs"). */
  private static final List<String> LIBRARY_PACKAGES =
      List.of("store", "replication", "process", "node", "transport.atomix");

  Mutations {
    node = Set.copyOf(node);
    library = List.copyOf(library);
  }

  /** {@code names} sorted into node mutants and library bugs; an unknown name is an error. */
  static Mutations parse(List<String> names) {
    List<String> nodeNames = Arrays.stream(NodeMutant.values()).map(Enum::name).toList();
    Set<String> libraryNames = libraryBugs();
    Set<NodeMutant> node = EnumSet.noneOf(NodeMutant.class);
    Set<String> library = new LinkedHashSet<>();
    for (String name : names) {
      if (nodeNames.contains(name)) {
        node.add(NodeMutant.valueOf(name));
      } else if (libraryNames.contains(name)) {
        library.add(name);
      } else {
        throw new IllegalArgumentException(
            "no planted bug named \""
                + name
                + "\" (node mutants: "
                + String.join(", ", nodeNames)
                + "; the library's: "
                + String.join(", ", libraryNames)
                + ")");
      }
    }
    return new Mutations(node, List.copyOf(library));
  }

  /**
   * The library's planted bugs: the constants of each package's {@code PlantedBug} enum, read
   * reflectively (the enums are package-private, so that no public API can switch a bug on).
   */
  private static Set<String> libraryBugs() {
    Set<String> names = new LinkedHashSet<>();
    for (String pkg : LIBRARY_PACKAGES) {
      try {
        Class<?> bugs = Class.forName("dev.procgroups." + pkg + ".PlantedBug");
        Stream.of(bugs.getEnumConstants()).map(b -> ((Enum<?>) b).name()).forEach(names::add);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("the library has no planted bugs in " + pkg, e);
      }
    }
    return names;
  }
}
