package dev.annals.node.storage;

/**
 * A typed view of a column family: how its keys and values are encoded. Several typed columns may
 * share a family only if their keys cannot collide; Annals uses one per family.
 */
public record Column<K, V>(ColumnFamily family, Codec<K> keys, Codec<V> values) {
  public Column {
    if (family == null || keys == null || values == null) {
      throw new IllegalArgumentException("column: family and codecs must be set (value null)");
    }
  }
}
