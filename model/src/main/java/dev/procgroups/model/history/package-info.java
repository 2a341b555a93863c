/**
 * Histories in Jepsen's shape and their text forms, JDK only.
 *
 * <p>An {@link dev.procgroups.model.history.Operation} is Jepsen's op map: {@code :index}, {@code
 * :time} (nanoseconds), {@code :type} ({@code :invoke}/{@code :ok}/{@code :fail}/{@code :info}),
 * {@code :process} (an int, or {@code :nemesis}), {@code :f} (a keyword), {@code :value}, and any
 * further keys such as {@code :error}. Values are plain Java objects (see {@link
 * dev.procgroups.model.history.Values}): nil, strings, longs, doubles, booleans, keywords, vectors
 * and maps with keyword keys. Record a history with {@link
 * dev.procgroups.model.history.HistoryBuilder}.
 *
 * <p>Text forms, both written and read by small hand-written codecs (the model has no
 * dependencies):
 *
 * <ul>
 *   <li>EDN ({@link dev.procgroups.model.history.HistoryEdn}): one op map per line, as Jepsen
 *       writes {@code history.edn}, or one vector of op maps. The output is read unchanged by the
 *       Clojure reader ({@code clojure.edn/read-string} and {@code read-string}), hence by Jepsen
 *       and Knossos. The reader is strict: sets, symbols, characters, tagged literals, ratios, big
 *       numbers and duplicate keys are errors naming line and column.
 *   <li>JSON ({@link dev.procgroups.model.history.HistoryJson}): an array of op objects, one per
 *       line; keywords become {@code ":name"} strings and a string starting with {@code :} or
 *       {@code \} gets one more leading {@code \}, so the mapping is lossless.
 * </ul>
 *
 * Neither does I/O: callers read and write the files.
 */
package dev.procgroups.model.history;
