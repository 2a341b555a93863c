package dev.procgroups.registry;

/** A registry entry was refused: bad id, unknown kind, or a config key or value that is wrong. */
public final class RegistryException extends Exception {
  public RegistryException(String message) {
    super(message);
  }
}
