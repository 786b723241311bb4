package dev.annals.node.storage;

/** One decoded entry of a column. */
public record KeyValue<K, V>(K key, V value) {}
