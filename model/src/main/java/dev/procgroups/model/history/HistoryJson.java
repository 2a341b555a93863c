package dev.procgroups.model.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Histories as JSON: an array of op objects, one per line, encoded as {@link JsonWriter} describes
 * ({@code {"index":0,"time":5,"type":":invoke","process":0,"f":":join","value":...}}).
 */
public final class HistoryJson {

  private HistoryJson() {}

  public static String write(History history) {
    return JsonWriter.FORMAT.writeHistory(history, "[", "\n", ",\n", "\n]\n");
  }

  public static History read(CharSequence text) {
    Object form = JsonReader.read(text);
    if (!(form instanceof List<?> items)) {
      throw new FormatException("a JSON history must be an array of operations", 1, 1);
    }
    List<Operation> ops = new ArrayList<>(items.size());
    for (Object item : items) {
      try {
        ops.add(OperationMaps.fromMap(item, ops.size()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("operation #" + ops.size() + ": " + e.getMessage(), e);
      }
    }
    return new History(ops);
  }
}
