package dev.procgroups.model.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Histories as EDN text. {@link #writeLines} is Jepsen's {@code history.edn} layout (one op map per
 * line); {@link #writeVector} wraps the same maps in one vector, as Knossos' tests hold them.
 * {@link #read} accepts either. The model does no I/O: callers read and write the files.
 */
public final class HistoryEdn {

  private HistoryEdn() {}

  /** One op as one line of {@code history.edn}, with its newline. */
  public static String line(Operation op) {
    return EdnWriter.write(OperationMaps.toMap(op)) + "\n";
  }

  public static String writeLines(History history) {
    return history.size() == 0 ? "" : EdnWriter.FORMAT.writeHistory(history, "", "", "\n", "\n");
  }

  public static String writeVector(History history) {
    return EdnWriter.FORMAT.writeHistory(history, "[", "", "\n ", "]\n");
  }

  /** Reads either layout; a shape error names the line and column where the op begins. */
  public static History read(CharSequence text) {
    EdnReader reader = new EdnReader(text);
    List<Operation> ops = new ArrayList<>();
    boolean vector = reader.hasNext() && reader.startsWith('[');
    int vectorStart = reader.position();
    if (vector) {
      reader.consume('[');
    }
    while (true) {
      boolean more = reader.hasNext();
      if (vector && !more) {
        throw reader.errorAt(vectorStart, "unclosed '['");
      }
      if (vector && reader.startsWith(']')) {
        reader.consume(']');
        if (reader.hasNext()) {
          throw reader.errorAt(reader.position(), "expected end of input after the history vector");
        }
        break;
      }
      if (!more) {
        break;
      }
      int at = reader.position();
      Object form = reader.next();
      try {
        ops.add(OperationMaps.fromMap(form, ops.size()));
      } catch (IllegalArgumentException e) {
        throw reader.errorAt(at, e.getMessage());
      }
    }
    return new History(ops);
  }
}
