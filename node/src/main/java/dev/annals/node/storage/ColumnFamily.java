package dev.annals.node.storage;

import java.nio.charset.StandardCharsets;

/**
 * The column families of a node database; docs/storage.md gives each one's key and value layout.
 * Names are part of the on-disk format: renaming one is a schema change.
 */
public enum ColumnFamily {
  METADATA("metadata", ColumnProfile.POINT_LOOKUP),
  HEADERS("headers", ColumnProfile.POINT_LOOKUP),
  BODIES("bodies", ColumnProfile.POINT_LOOKUP),
  BLOCK_INDEX("block_index", ColumnProfile.ORDERED),
  BEST_CHAIN("best_chain", ColumnProfile.POINT_LOOKUP),
  SEGMENT_HEADERS("segment_headers", ColumnProfile.ORDERED),
  SUPER_SEGMENT_HEADERS("super_segment_headers", ColumnProfile.ORDERED),
  PIECES("pieces", ColumnProfile.LARGE_VALUES),
  SEGMENT_LANDINGS("segment_landings", ColumnProfile.ORDERED),
  SEGMENT_GLOBAL_INDEX("segment_global_index", ColumnProfile.POINT_LOOKUP),
  ARCHIVER_STATE("archiver_state", ColumnProfile.POINT_LOOKUP),
  BLOCK_META("block_meta", ColumnProfile.POINT_LOOKUP);

  private final String familyName;
  private final ColumnProfile profile;

  ColumnFamily(String familyName, ColumnProfile profile) {
    this.familyName = familyName;
    this.profile = profile;
  }

  public String familyName() {
    return familyName;
  }

  public ColumnProfile profile() {
    return profile;
  }

  byte[] nameBytes() {
    return familyName.getBytes(StandardCharsets.US_ASCII);
  }
}
