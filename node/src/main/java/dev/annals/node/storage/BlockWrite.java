package dev.annals.node.storage;

import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.BlockBody;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SegmentHeader;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.util.List;

/**
 * Everything one imported block changes, written at once: the block with its index entry, the new
 * best chain, segments and pieces the archiver produced, super segments and landings, archiver
 * state. Nothing is visible before {@link #commit}; closing without it writes nothing. The checks
 * here are only those that keep the keys and values of the database consistent with each other; the
 * import pipeline verifies consensus rules before.
 */
public final class BlockWrite implements AutoCloseable {
  private final StorageTransaction tx;
  private final Schema schema;
  private final ProtocolParameters params;

  BlockWrite(StorageTransaction tx, Schema schema, ProtocolParameters params) {
    this.tx = tx;
    this.schema = schema;
    this.params = params;
  }

  /** Stores a block (header, body, block index entry); returns its root. */
  public Hash putBlock(BlockHeader header, BlockBody body) {
    Hash root = header.root(params);
    putBlock(root, header, body);
    return root;
  }

  /** Same, with the root the caller already computed (it is not recomputed). */
  public BlockWrite putBlock(Hash root, BlockHeader header, BlockBody body) {
    if (header.kind() != body.kind()) {
      throw new IllegalArgumentException(
          "block body: kind must match the header's "
              + header.kind()
              + " (value "
              + body.kind()
              + ")");
    }
    tx.put(schema.headers, root, header);
    tx.put(schema.bodies, root, body);
    tx.put(
        schema.blockIndex,
        new BlockIndexKey(header.prefix().shardIndex(), header.prefix().number(), root),
        new byte[0]);
    return this;
  }

  public BlockWrite setBestChain(ShardIndex shard, ChainHead head) {
    tx.put(schema.bestChain, shard, head);
    return this;
  }

  public BlockWrite putSegmentHeader(ShardIndex shard, SegmentHeader header) {
    tx.put(schema.segmentHeaders, new SegmentKey(shard, header.index()), header);
    return this;
  }

  /** Stores a piece under the shard, segment and position its header and {@code position} give. */
  public BlockWrite putPiece(PiecePosition position, Piece piece) {
    params.checkPiecePosition(position);
    tx.put(
        schema.pieces,
        new PieceKey(piece.header().shardIndex(), piece.header().localSegmentIndex(), position),
        piece);
    return this;
  }

  /** A whole segment's pieces in position order, as the archiver returns them. */
  public BlockWrite putSegmentPieces(
      ShardIndex shard, LocalSegmentIndex segment, List<Piece> pieces) {
    if (pieces.size() != params.piecesPerSegment()) {
      throw new IllegalArgumentException(
          "segment pieces: must be "
              + params.piecesPerSegment()
              + " in preset "
              + params.name()
              + " (value "
              + pieces.size()
              + ")");
    }
    for (int i = 0; i < pieces.size(); i++) {
      Piece piece = pieces.get(i);
      if (!piece.header().shardIndex().equals(shard)
          || !piece.header().localSegmentIndex().equals(segment)) {
        throw new IllegalArgumentException(
            "segment pieces: piece "
                + i
                + " must belong to shard "
                + shard
                + " segment "
                + segment
                + " (value shard "
                + piece.header().shardIndex()
                + " segment "
                + piece.header().localSegmentIndex()
                + ")");
      }
      putPiece(new PiecePosition(i), piece);
    }
    return this;
  }

  public BlockWrite putSuperSegmentHeader(SuperSegmentHeader header) {
    tx.put(schema.superSegmentHeaders, header.index(), header);
    return this;
  }

  /** Records that the segment with global index {@code segment} landed as {@code landing} says. */
  public BlockWrite landSegment(GlobalSegmentIndex segment, SegmentLanding landing) {
    tx.put(schema.segmentLandings, segment, landing);
    tx.put(
        schema.segmentGlobalIndex, new SegmentKey(landing.shard(), landing.localIndex()), segment);
    return this;
  }

  public BlockWrite putArchiverState(ShardIndex shard, byte[] state) {
    tx.put(schema.archiverState, shard, state.clone());
    return this;
  }

  /** Stores the import pipeline's per-block data (weight, MMR) under the block's root. */
  public BlockWrite putBlockMeta(Hash root, BlockMeta meta) {
    tx.put(schema.blockMeta, root, meta);
    return this;
  }

  /** The typed transaction underneath, for writes this class has no method for. */
  public StorageTransaction transaction() {
    return tx;
  }

  public void commit() {
    tx.commit();
  }

  @Override
  public void close() {
    tx.close();
  }
}
