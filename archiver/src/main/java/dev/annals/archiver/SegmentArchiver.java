package dev.annals.archiver;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.LastArchivedBlock;
import dev.annals.primitives.segment.SegmentHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * One shard's archiver: takes each confirmed block's archiver bytes in order and returns the
 * segments they complete, each with its header and all its pieces. Blocks are numbered from 0 (or
 * from where a resumed archiver left off). Not thread-safe: one archiver per shard, fed in order.
 */
public final class SegmentArchiver {
  private final ProtocolParameters params;
  private final SegmentAssembler assembler;
  private final SegmentEncoder encoder;
  private long nextSegmentIndex;
  private Hash previousHeaderHash;

  private SegmentArchiver(
      ProtocolParameters params,
      ShardIndex shard,
      SegmentAssembler assembler,
      long nextSegmentIndex,
      Hash previousHeaderHash,
      ForkJoinPool pool) {
    if (!shard.kind().isReal()) {
      throw new IllegalArgumentException("shard " + shard + " is a phantom shard: no history");
    }
    this.params = params;
    this.assembler = assembler;
    this.encoder = new SegmentEncoder(params, shard, pool);
    this.nextSegmentIndex = nextSegmentIndex;
    this.previousHeaderHash = previousHeaderHash;
  }

  /**
   * A new archiver for a shard with no history yet. {@code pool} runs the per-record work; null
   * runs it on the calling thread.
   */
  public static SegmentArchiver create(
      ProtocolParameters params, ShardIndex shard, ForkJoinPool pool) {
    return new SegmentArchiver(
        params,
        shard,
        new SegmentAssembler(Math.toIntExact(params.segmentSize()), SegmentHeader.SIZE),
        0,
        Hash.ZERO,
        pool);
  }

  /**
   * An archiver that continues exactly where the one that produced {@code lastHeader} stopped.
   * {@code lastBlock} is the full archiver bytes of the block that header's last archived block
   * names; it is needed only when that block was archived in part (else it may be null).
   */
  public static SegmentArchiver resume(
      ProtocolParameters params,
      ShardIndex shard,
      SegmentHeader lastHeader,
      byte[] lastBlock,
      ForkJoinPool pool) {
    LastArchivedBlock last = lastHeader.lastArchivedBlock();
    if (last.archivedBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "segment header's archived bytes "
              + last.archivedBytes()
              + " exceed any block we accept");
    }
    ArchiveProgress progress =
        new ArchiveProgress(last.number().value(), (int) last.archivedBytes());
    SegmentAssembler assembler =
        SegmentAssembler.resume(
            Math.toIntExact(params.segmentSize()), lastHeader.encode(), progress, lastBlock);
    return new SegmentArchiver(
        params, shard, assembler, lastHeader.index().value() + 1, lastHeader.hash(), pool);
  }

  /**
   * Adds the next block and returns the segments it completes (often none, sometimes several). An
   * empty block is rejected and leaves the archiver as it was.
   */
  public List<ArchivedSegment> addBlock(byte[] block) {
    assembler.addBlock(block);
    List<ArchivedSegment> segments = new ArrayList<>();
    while (assembler.segmentReady()) {
      // Each record array becomes a piece's record as is: a segment is never copied whole.
      byte[][] records = new byte[params.piecesPerSegment()][params.recordSize()];
      byte[][] sourceRecords = Arrays.copyOf(records, params.sourceRecordsPerSegment());
      ArchiveProgress progress = assembler.takeSegment(sourceRecords);
      LastArchivedBlock last =
          new LastArchivedBlock(new BlockNumber(progress.blockNumber()), progress.archivedBytes());
      ArchivedSegment segment =
          encoder.encode(
              records, new LocalSegmentIndex(nextSegmentIndex), previousHeaderHash, last);
      assembler.startNextSegment(segment.header().encode());
      nextSegmentIndex++;
      previousHeaderHash = segment.header().hash();
      segments.add(segment);
    }
    return segments;
  }

  /** The number the next block added will get. */
  public long nextBlockNumber() {
    return assembler.nextBlockNumber();
  }

  /** The local index the next segment will get. */
  public long nextSegmentIndex() {
    return nextSegmentIndex;
  }
}
