package dev.annals.node.storage;

/**
 * Turns a column's keys or values into bytes and back. {@link #decode} throws {@link
 * IllegalArgumentException} (usually a {@code DecodeException} naming the field) for bytes that are
 * not a valid encoding; the database reports that as corruption.
 */
public interface Codec<T> {
  byte[] encode(T value);

  T decode(byte[] bytes);
}
