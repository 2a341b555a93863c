package dev.procgroups.model.history;

/**
 * A syntax or shape error in EDN or JSON input, with the 1-based line and column where it was
 * found.
 */
public final class FormatException extends IllegalArgumentException {

  private final int line;
  private final int column;

  public FormatException(String message, int line, int column) {
    super(message + " at line " + line + ", column " + column);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
