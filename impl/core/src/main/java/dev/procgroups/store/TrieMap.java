package dev.procgroups.store;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A persistent hash map (hash array mapped trie, 32-way): a version is never changed once built, so
 * readers use it without locks, and an update copies only the few nodes on its key's path.
 *
 * <p>Updates go through an {@link Editor}, which owns the nodes it has copied and changes those in
 * place until {@link Editor#build}: a write of k keys copies each node on their paths once, not k
 * times (the store publishes one version per write, however many groups it touched). Replaces
 * pcollections' {@code HashPMap}, whose balanced int tree allocated and rebalanced on every plus.
 */
final class TrieMap<K, V> {

  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;
  private static final Object[] NO_SLOTS = new Object[0];

  private static final TrieMap<?, ?> EMPTY = new TrieMap<>(new Node(0, NO_SLOTS, null), 0);

  private final Node root;
  private final int size;

  private TrieMap(Node root, int size) {
    this.root = root;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <K, V> TrieMap<K, V> empty() {
    return (TrieMap<K, V>) EMPTY;
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, or null. */
  V get(Object key) {
    int hash = hash(key);
    Node node = root;
    for (int shift = 0; ; shift += BITS) {
      Object slot;
      if (shift >= Integer.SIZE) {
        slot = node.collisionEntry(key);
      } else {
        int bit = bit(hash, shift);
        if ((node.bitmap & bit) == 0) {
          return null;
        }
        slot = node.slots[node.index(bit)];
      }
      if (slot instanceof Node child) {
        node = child;
      } else {
        return slot != null && ((Entry<?, ?>) slot).key.equals(key) ? entryValue(slot) : null;
      }
    }
  }

  /** Calls {@code action} for every entry, in no particular order. */
  void forEach(BiConsumer<? super K, ? super V> action) {
    forEach(root, action);
  }

  /** The keys, as an unmodifiable set backed by this version. */
  Set<K> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<K> iterator() {
        return new Keys<>(root);
      }

      @Override
      public int size() {
        return size;
      }

      @Override
      public boolean contains(Object o) {
        return o != null && get(o) != null;
      }
    };
  }

  /** A batch of updates starting from this version. */
  Editor<K, V> edit() {
    return new Editor<>(this);
  }

  /** Updates one version into the next; not thread-safe (the store's writer lock guards it). */
  static final class Editor<K, V> {
    private Node root;
    private int size;

    /** Marks the nodes this editor created since its last build: only those change in place. */
    private Object owner = new Object();

    private Editor(TrieMap<K, V> from) {
      this.root = from.root;
      this.size = from.size;
    }

    int size() {
      return size;
    }

    /** Maps {@code key} (not null) to {@code value} (not null). */
    void put(K key, V value) {
      Objects.requireNonNull(value, "value");
      root = putIn(root, 0, hash(key), key, value);
    }

    void remove(K key) {
      Node next = removeFrom(root, 0, hash(key), key);
      root = next != null ? next : TrieMap.<K, V>empty().root;
    }

    /** The version with every update so far; later updates copy again and never change it. */
    TrieMap<K, V> build() {
      owner = new Object();
      return new TrieMap<>(root, size);
    }

    private Node putIn(Node node, int shift, int hash, K key, V value) {
      if (shift >= Integer.SIZE) {
        return putCollision(node, hash, key, value);
      }
      int bit = bit(hash, shift);
      int index = node.index(bit);
      if ((node.bitmap & bit) == 0) {
        size++;
        return node.inserted(owner, bit, index, new Entry<>(key, hash, value));
      }
      Object slot = node.slots[index];
      Object replacement;
      if (slot instanceof Node child) {
        replacement = putIn(child, shift + BITS, hash, key, value);
      } else {
        Entry<?, ?> entry = (Entry<?, ?>) slot;
        if (entry.key.equals(key)) {
          if (entry.value == value) {
            return node;
          }
          replacement = new Entry<>(key, hash, value);
        } else {
          size++;
          replacement = pair(shift + BITS, entry, new Entry<>(key, hash, value));
        }
      }
      return replacement == slot ? node : node.replaced(owner, index, replacement);
    }

    private Node putCollision(Node node, int hash, K key, V value) {
      for (int i = 0; i < node.slots.length; i++) {
        if (((Entry<?, ?>) node.slots[i]).key.equals(key)) {
          return node.replaced(owner, i, new Entry<>(key, hash, value));
        }
      }
      size++;
      return node.inserted(owner, 0, node.slots.length, new Entry<>(key, hash, value));
    }

    /** A node holding two entries whose hashes agree below {@code shift}. */
    private Node pair(int shift, Entry<?, ?> a, Entry<?, ?> b) {
      if (shift >= Integer.SIZE) {
        return new Node(0, new Object[] {a, b}, owner);
      }
      int bitA = bit(a.hash, shift);
      int bitB = bit(b.hash, shift);
      if (bitA == bitB) {
        return new Node(bitA, new Object[] {pair(shift + BITS, a, b)}, owner);
      }
      Object[] slots =
          Integer.compareUnsigned(bitA, bitB) < 0 ? new Object[] {a, b} : new Object[] {b, a};
      return new Node(bitA | bitB, slots, owner);
    }

    /** The node without {@code key}; null once it holds nothing. */
    private Node removeFrom(Node node, int shift, int hash, Object key) {
      int bit;
      int index;
      if (shift >= Integer.SIZE) {
        bit = 0;
        index = node.collisionIndex(key);
        if (index < 0) {
          return node;
        }
      } else {
        bit = bit(hash, shift);
        if ((node.bitmap & bit) == 0) {
          return node;
        }
        index = node.index(bit);
      }
      Object slot = node.slots[index];
      if (slot instanceof Node child) {
        Node next = removeFrom(child, shift + BITS, hash, key);
        if (next == child) {
          return node;
        }
        if (next != null) {
          // A child left with one entry folds into this node: the trie stays as shallow as a
          // fresh one with the same keys.
          Object replacement =
              next.slots.length == 1 && !(next.slots[0] instanceof Node) ? next.slots[0] : next;
          return node.replaced(owner, index, replacement);
        }
      } else if (!((Entry<?, ?>) slot).key.equals(key)) {
        return node;
      } else {
        size--;
      }
      return node.slots.length == 1 ? null : node.removed(owner, bit, index);
    }
  }

  private static int hash(Object key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }

  private static int bit(int hash, int shift) {
    return 1 << ((hash >>> shift) & MASK);
  }

  @SuppressWarnings("unchecked")
  private static <V> V entryValue(Object slot) {
    return (V) ((Entry<?, ?>) slot).value;
  }

  @SuppressWarnings("unchecked")
  private static <K, V> void forEach(Node node, BiConsumer<? super K, ? super V> action) {
    for (Object slot : node.slots) {
      if (slot instanceof Node child) {
        forEach(child, action);
      } else {
        Entry<?, ?> e = (Entry<?, ?>) slot;
        action.accept((K) e.key, (V) e.value);
      }
    }
  }

  private record Entry<K, V>(K key, int hash, V value) {}

  /**
   * A trie node: one slot (an {@link Entry} or a child node) per bit set in {@code bitmap}, in bit
   * order; past the hash's bits, a collision node (bitmap 0) lists entries whose hashes are equal.
   * Fields change only while the node belongs to an unbuilt editor ({@code owner}).
   */
  private static final class Node {
    int bitmap;
    Object[] slots;
    final Object owner;

    Node(int bitmap, Object[] slots, Object owner) {
      this.bitmap = bitmap;
      this.slots = slots;
      this.owner = owner;
    }

    int index(int bit) {
      return Integer.bitCount(bitmap & (bit - 1));
    }

    int collisionIndex(Object key) {
      for (int i = 0; i < slots.length; i++) {
        if (((Entry<?, ?>) slots[i]).key.equals(key)) {
          return i;
        }
      }
      return -1;
    }

    Object collisionEntry(Object key) {
      int i = collisionIndex(key);
      return i < 0 ? null : slots[i];
    }

    Node replaced(Object editor, int index, Object slot) {
      if (owner == editor) {
        slots[index] = slot;
        return this;
      }
      Object[] copy = slots.clone();
      copy[index] = slot;
      return new Node(bitmap, copy, editor);
    }

    Node inserted(Object editor, int bit, int index, Object slot) {
      Object[] copy = new Object[slots.length + 1];
      System.arraycopy(slots, 0, copy, 0, index);
      copy[index] = slot;
      System.arraycopy(slots, index, copy, index + 1, slots.length - index);
      return withSlots(editor, bitmap | bit, copy);
    }

    Node removed(Object editor, int bit, int index) {
      Object[] copy = new Object[slots.length - 1];
      System.arraycopy(slots, 0, copy, 0, index);
      System.arraycopy(slots, index + 1, copy, index, copy.length - index);
      return withSlots(editor, bitmap & ~bit, copy);
    }

    private Node withSlots(Object editor, int newBitmap, Object[] newSlots) {
      if (owner == editor) {
        bitmap = newBitmap;
        slots = newSlots;
        return this;
      }
      return new Node(newBitmap, newSlots, editor);
    }
  }

  /** Depth-first over the trie with an explicit stack (at most 8 levels deep). */
  private static final class Keys<K> implements Iterator<K> {
    private final Node[] nodes = new Node[Integer.SIZE / BITS + 2];
    private final int[] positions = new int[nodes.length];
    private int depth;
    private Entry<?, ?> next;

    Keys(Node root) {
      nodes[0] = root;
      advance();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public K next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      K key = (K) next.key;
      advance();
      return key;
    }

    private void advance() {
      next = null;
      while (depth >= 0) {
        Node node = nodes[depth];
        if (positions[depth] == node.slots.length) {
          depth--;
          continue;
        }
        Object slot = node.slots[positions[depth]++];
        if (slot instanceof Node child) {
          depth++;
          nodes[depth] = child;
          positions[depth] = 0;
        } else {
          next = (Entry<?, ?>) slot;
          return;
        }
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(k).append('=').append(v));
    return out.append('}').toString();
  }
}
