package dev.procgroups.registry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entries a node knows, by id. Only the {@code pg.scope} kind exists so far; any other kind is
 * refused, as is a config key that kind does not know.
 */
public final class Registry {

  private final Map<EntryId, ScopeEntry> scopes = new ConcurrentHashMap<>();

  /** Registers an entry; returns it once validated. An id can be registered once. */
  public ScopeEntry register(String id, String kind, Map<String, ?> config)
      throws RegistryException {
    EntryId entryId;
    try {
      entryId = EntryId.parse(id == null ? "" : id);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(e.getMessage());
    }
    if (!ScopeEntry.KIND.equals(kind)) {
      throw new RegistryException(
          "unknown entry kind '" + kind + "' for " + id + "; known: " + ScopeEntry.KIND);
    }
    ScopeEntry entry = new ScopeEntry(entryId, ScopeConfig.fromMap(config));
    if (scopes.putIfAbsent(entryId, entry) != null) {
      throw new RegistryException(id + ": already registered");
    }
    return entry;
  }

  /** Registers a {@code pg.scope} entry with its config. */
  public ScopeEntry registerScope(String id, Map<String, ?> config) throws RegistryException {
    return register(id, ScopeEntry.KIND, config);
  }

  public Optional<ScopeEntry> scope(EntryId id) {
    return Optional.ofNullable(scopes.get(id));
  }

  /** Removes an entry; returns true if it was there. */
  public boolean remove(EntryId id) {
    return scopes.remove(id) != null;
  }
}
