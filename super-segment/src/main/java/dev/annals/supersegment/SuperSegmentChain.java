package dev.annals.supersegment;

import dev.annals.kernel.merkle.UnbalancedMerkleTree;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.U64;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.Arrays;
import java.util.Optional;

/**
 * The light client's state: every super segment's root and max global segment index, appended
 * header by header after checking that each follows the last, and searchable by global segment or
 * piece index. This is what the issue calls the super segment index; it is named for the chain of
 * headers it checks because {@code SuperSegmentIndex} is already the primitive u64 index type.
 *
 * <p>Per super segment it keeps 40 bytes: the root (32) and the max segment index (8), in pages of
 * 1024 entries (one {@code byte[]} and one {@code long[]} each), plus about 1/7 of a {@code long}
 * in the search levels ({@link MaxIndexLevels}). The segment count is the difference of consecutive
 * max indices (the first super segment's is {@code max + 1}); the index is the entry number, since
 * indices are consecutive from 0. Of the last header it keeps the whole header and its hash, to
 * check the next.
 *
 * <p>Appending is all or nothing: a header (or batch) that does not follow leaves the chain as it
 * was. Not thread-safe for writers; readers may share it once appending is done.
 */
public final class SuperSegmentChain {
  private static final int PAGE_BITS = 10;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int PAGE_MASK = PAGE - 1;

  private byte[][] rootPages = new byte[4][];
  private long[][] maxPages = new long[4][];
  private final MaxIndexLevels levels = new MaxIndexLevels();
  private int size;
  private SuperSegmentHeader lastHeader;
  private Hash lastHash;

  /** The number of super segments held. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public Optional<SuperSegmentHeader> lastHeader() {
    return Optional.ofNullable(lastHeader);
  }

  /** The global index of the last known segment; throws when empty. */
  public GlobalSegmentIndex maxSegmentIndex() {
    requireNotEmpty();
    return new GlobalSegmentIndex(lastHeader.maxSegmentIndex().value());
  }

  /**
   * Appends {@code header} if it follows the last one: the next index, the last header's hash as
   * its previous hash, {@code max segment index = last max + segment count}, a later target beacon
   * block. The first must be index 0 with a zero previous hash and exactly one segment (the beacon
   * genesis segment, global index 0). Throws {@link IllegalArgumentException} naming the failed
   * rule otherwise, and then holds what it held before.
   */
  public void append(SuperSegmentHeader header) {
    Hash hash = check(header, lastHeader, lastHash);
    store(header, hash);
  }

  /** Appends every header in order, or none of them if one does not follow. */
  public void appendAll(Iterable<SuperSegmentHeader> headers) {
    int mark = size;
    SuperSegmentHeader markHeader = lastHeader;
    Hash markHash = lastHash;
    try {
      for (SuperSegmentHeader h : headers) {
        append(h);
      }
    } catch (RuntimeException e) {
      rollBack(mark, markHeader, markHash);
      throw e;
    }
  }

  /** Checks that {@code header} follows {@code last} and returns its hash. */
  private static Hash check(SuperSegmentHeader header, SuperSegmentHeader last, Hash lastHash) {
    if (header == null) {
      throw new IllegalArgumentException("super segment header: must be set (value null)");
    }
    if (last == null) {
      if (header.index().value() != 0) {
        throw rejected(
            header, "index", "the first super segment must have index 0", header.index());
      }
      if (!header.previousHeaderHash().isZero()) {
        throw rejected(
            header,
            "prev_super_segment_header_hash",
            "the first super segment's must be zero",
            header.previousHeaderHash().toHex());
      }
      if (header.segmentCount() != 1 || header.maxSegmentIndex().value() != 0) {
        throw rejected(
            header,
            "num_segments",
            "the first super segment holds just the beacon genesis segment (count 1, max index 0)",
            header.segmentCount() + " segments, max index " + header.maxSegmentIndex());
      }
      return header.hash();
    }
    long expectedIndex = last.index().value() + 1;
    if (header.index().value() != expectedIndex || expectedIndex == 0) {
      throw rejected(
          header,
          "index",
          "out of sequence, expected " + U64.toString(expectedIndex),
          header.index());
    }
    if (!header.previousHeaderHash().equals(lastHash)) {
      throw rejected(
          header,
          "prev_super_segment_header_hash",
          "must be the hash of super segment " + last.index() + ", " + lastHash.toHex(),
          header.previousHeaderHash().toHex());
    }
    long lastMax = last.maxSegmentIndex().value();
    long expectedMax = lastMax + header.segmentCount();
    if (Long.compareUnsigned(expectedMax, lastMax) < 0) {
      throw rejected(
          header,
          "num_segments",
          "max segment index would overflow u64 after " + U64.toString(lastMax),
          header.segmentCount());
    }
    if (header.maxSegmentIndex().value() != expectedMax) {
      throw rejected(
          header,
          "max_segment_index",
          "must be the previous max "
              + U64.toString(lastMax)
              + " + num_segments "
              + header.segmentCount()
              + " = "
              + U64.toString(expectedMax),
          header.maxSegmentIndex());
    }
    if (Long.compareUnsigned(
            header.targetBeaconBlockNumber().value(), last.targetBeaconBlockNumber().value())
        <= 0) {
      throw rejected(
          header,
          "target_beacon_block_number",
          "must be after the previous super segment's " + last.targetBeaconBlockNumber(),
          header.targetBeaconBlockNumber());
    }
    return header.hash();
  }

  private static IllegalArgumentException rejected(
      SuperSegmentHeader header, String field, String problem, Object value) {
    return new IllegalArgumentException(
        "super segment header "
            + header.index()
            + " rejected: "
            + field
            + ": "
            + problem
            + " (value "
            + value
            + ")");
  }

  private void store(SuperSegmentHeader header, Hash hash) {
    int page = size >>> PAGE_BITS;
    int slot = size & PAGE_MASK;
    if (slot == 0) {
      addPage(page);
    }
    header.root().copyTo(rootPages[page], slot * Hash.SIZE);
    long max = header.maxSegmentIndex().value();
    maxPages[page][slot] = max;
    levels.append(size, max, this::maxAt);
    size++;
    lastHeader = header;
    lastHash = hash;
  }

  private void addPage(int page) {
    // Allocate everything first, so that running out of memory changes nothing.
    byte[] roots = new byte[PAGE * Hash.SIZE];
    long[] maxes = new long[PAGE];
    if (page == rootPages.length) {
      int grown = page * 2;
      byte[][] rootsGrown = Arrays.copyOf(rootPages, grown);
      long[][] maxesGrown = Arrays.copyOf(maxPages, grown);
      rootPages = rootsGrown;
      maxPages = maxesGrown;
    }
    rootPages[page] = roots;
    maxPages[page] = maxes;
  }

  private void rollBack(int mark, SuperSegmentHeader markHeader, Hash markHash) {
    size = mark;
    lastHeader = markHeader;
    lastHash = markHash;
    int pages = (size + PAGE_MASK) >>> PAGE_BITS;
    for (int p = pages; p < rootPages.length; p++) {
      rootPages[p] = null;
      maxPages[p] = null;
    }
    levels.rollBack(size, size == 0 ? 0 : maxAt(size - 1));
  }

  /** The root of super segment {@code index}. */
  public Hash root(SuperSegmentIndex index) {
    int i = entry(index);
    byte[] out = new byte[Hash.SIZE];
    System.arraycopy(rootPages[i >>> PAGE_BITS], (i & PAGE_MASK) * Hash.SIZE, out, 0, Hash.SIZE);
    return Hash.wrap(out);
  }

  /** The max global segment index of super segment {@code index}. */
  public GlobalSegmentIndex maxSegmentIndex(SuperSegmentIndex index) {
    return new GlobalSegmentIndex(maxAt(entry(index)));
  }

  /** The number of segments in super segment {@code index}. */
  public int segmentCount(SuperSegmentIndex index) {
    return countAt(entry(index));
  }

  private int entry(SuperSegmentIndex index) {
    if (Long.compareUnsigned(index.value(), size) >= 0) {
      throw new IllegalArgumentException(
          "super_segment_index: beyond the "
              + size
              + " known super segments (value "
              + index
              + ")");
    }
    return (int) index.value();
  }

  private long maxAt(int i) {
    return maxPages[i >>> PAGE_BITS][i & PAGE_MASK];
  }

  private int countAt(int i) {
    return (int) (i == 0 ? maxAt(0) + 1 : maxAt(i) - maxAt(i - 1));
  }

  /** The super segment and position of global segment {@code segment}. */
  public SegmentLocation locate(GlobalSegmentIndex segment) {
    long g = segment.value();
    int i = find(g);
    long first = maxAt(i) - countAt(i) + 1;
    return new SegmentLocation(
        segment, new SuperSegmentIndex(i), new SegmentPosition((int) (g - first)));
  }

  /** The super segment, segment position and piece position of global piece {@code piece}. */
  public PieceLocation locate(PieceIndex piece, ProtocolParameters params) {
    GlobalSegmentIndex segment = PieceNumbering.segmentOf(piece, params);
    if (size == 0 || Long.compareUnsigned(segment.value(), lastMax()) > 0) {
      throw beyondHistory("piece_index", piece.toString(), segment);
    }
    return new PieceLocation(piece, locate(segment), PieceNumbering.positionOf(piece, params));
  }

  /** The entry of the super segment holding global segment {@code g}: first with max ≥ g. */
  private int find(long g) {
    if (size == 0 || Long.compareUnsigned(g, lastMax()) > 0) {
      throw beyondHistory("global_segment_index", U64.toString(g), new GlobalSegmentIndex(g));
    }
    // Groups of 8 never cross a page (1024 is a multiple of 8).
    int i = levels.findEntryGroup(g, size) << MaxIndexLevels.FANOUT_BITS;
    long[] maxes = maxPages[i >>> PAGE_BITS];
    int end = Math.min(i + MaxIndexLevels.FANOUT, size) - 1;
    while (i < end && Long.compareUnsigned(maxes[i & PAGE_MASK], g) < 0) {
      i++;
    }
    return i;
  }

  private long lastMax() {
    return lastHeader.maxSegmentIndex().value();
  }

  private IllegalArgumentException beyondHistory(
      String field, String value, GlobalSegmentIndex segment) {
    String known =
        size == 0
            ? "no super segments are known"
            : "the known history ends at global segment " + U64.toString(lastMax());
    return new IllegalArgumentException(
        field + ": beyond the known history, " + known + " (value " + value + ")");
  }

  /**
   * Whether the segment {@code (shard, localIndex, segmentRoot)} is at {@code location}, proven by
   * {@code proof} (the used hashes only). A proof of the wrong length is an {@link
   * IllegalArgumentException}.
   */
  public boolean contains(
      SegmentLocation location, int shard, long localIndex, Hash segmentRoot, byte[] proof) {
    int i = entry(location.superSegment());
    int count = countAt(i);
    int position = location.position().value();
    if (position >= count) {
      throw new IllegalArgumentException(
          "segment_position: must be below the super segment's "
              + count
              + " segments (value "
              + position
              + ")");
    }
    int expected = UnbalancedMerkleTree.proofLength(count, position);
    if (proof.length != expected * Hash.SIZE) {
      throw new IllegalArgumentException(
          "segment_proof: position "
              + position
              + " of "
              + count
              + " segments needs "
              + expected
              + " hashes (value "
              + proof.length / Hash.SIZE
              + (proof.length % Hash.SIZE == 0 ? "" : " and a partial hash")
              + ")");
    }
    byte[] root = new byte[Hash.SIZE];
    System.arraycopy(rootPages[i >>> PAGE_BITS], (i & PAGE_MASK) * Hash.SIZE, root, 0, Hash.SIZE);
    byte[] leaf = SegmentLeaf.hash(shard, position, localIndex, segmentRoot);
    return UnbalancedMerkleTree.verify(root, count, position, leaf, proof);
  }

  /** The proof length the segment at {@code location} needs. */
  public int proofLength(SegmentLocation location) {
    int i = entry(location.superSegment());
    return UnbalancedMerkleTree.proofLength(countAt(i), location.position().value());
  }

  /**
   * Bytes held by the arrays (page contents, page tables, array headers assumed 16 bytes,
   * references 4 bytes): the figure the memory goal is about; the benchmark also measures the heap.
   */
  public long retainedArrayBytes() {
    long pages = (size + PAGE_MASK) >>> PAGE_BITS;
    long perPage = (16L + PAGE * Hash.SIZE) + (16L + PAGE * 8L);
    long tables = 2 * 16L + rootPages.length * (4L + 4L);
    return pages * perPage + tables + levels.retainedBytes();
  }

  private void requireNotEmpty() {
    if (size == 0) {
      throw new IllegalStateException("no super segments are known yet");
    }
  }
}
