package dev.procgroups.jepsen.nemesis;

import java.util.List;

/** What a run needs to inject faults: {@link Nemesis} in the namespace, or nothing. */
public interface FaultInjector {
  /** Applies {@code fault}; returns what happened. */
  String apply(Fault fault);

  /** Undoes every fault in force; returns what it did. */
  List<String> healAll();

  /** A cluster that cannot be hurt (for runs without a namespace). */
  FaultInjector NONE =
      new FaultInjector() {
        @Override
        public String apply(Fault fault) {
          throw new UnsupportedOperationException("this cluster takes no faults");
        }

        @Override
        public List<String> healAll() {
          return List.of();
        }
      };
}
