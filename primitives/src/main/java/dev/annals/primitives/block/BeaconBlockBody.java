package dev.annals.primitives.block;

import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Beacon chain body: proof-of-time checkpoint count u32, own segments (count u8 [, first index u64,
 * roots]), intermediate block count u16, each {@link IntermediateBlockInfo}, then the checkpoints
 * ({@code pot checkpoints × 16} bytes each). Root: balanced root of four leaves — own segments root
 * (or zero), intermediate segments root, intermediate headers root, {@code H(all checkpoint
 * bytes)}.
 */
public record BeaconBlockBody(
    Optional<OwnSegments> ownSegments,
    List<IntermediateBlockInfo> intermediateBlocks,
    List<PotCheckpoints> potCheckpoints)
    implements BlockBody {
  public static final int MAX_BLOCKS = 0xFFFF;

  public BeaconBlockBody {
    if (ownSegments == null || intermediateBlocks == null || potCheckpoints == null) {
      throw new IllegalArgumentException("beacon body: every field must be set (value null)");
    }
    if (intermediateBlocks.size() > MAX_BLOCKS) {
      throw new IllegalArgumentException(
          "beacon body.intermediate_blocks: at most 65535 (value "
              + intermediateBlocks.size()
              + ")");
    }
    intermediateBlocks = List.copyOf(intermediateBlocks);
    potCheckpoints = List.copyOf(potCheckpoints);
  }

  @Override
  public ShardKind kind() {
    return ShardKind.BEACON;
  }

  private static int checkpointsSize(ProtocolParameters params) {
    return params.potCheckpoints() * ConsensusInfo.POT_OUTPUT_SIZE;
  }

  @Override
  public byte[] encode(ProtocolParameters params) {
    ByteWriter w = new ByteWriter(64 + potCheckpoints.size() * checkpointsSize(params));
    w.u32(potCheckpoints.size());
    OwnSegments.encodeOptional(w, ownSegments);
    w.u16(intermediateBlocks.size());
    for (IntermediateBlockInfo block : intermediateBlocks) {
      block.encodeTo(w, params);
    }
    for (PotCheckpoints checkpoints : potCheckpoints) {
      checkpoints.outputs().requireLength("pot_checkpoints", checkpointsSize(params));
      w.bytes(checkpoints.outputs());
    }
    return w.toByteArray();
  }

  public static BeaconBlockBody decode(byte[] bytes, ProtocolParameters params) {
    ByteReader r = new ByteReader(bytes);
    long checkpointCount = r.u32("pot_checkpoints.count");
    if (checkpointCount > r.remaining() / checkpointsSize(params)) {
      throw new DecodeException(
          "pot_checkpoints.count",
          Long.toString(checkpointCount),
          "more checkpoints than the remaining " + r.remaining() + " bytes can hold");
    }
    Optional<OwnSegments> own = OwnSegments.decodeOptional(r);
    int count = r.u16("intermediate_blocks.count");
    List<IntermediateBlockInfo> blocks = new ArrayList<>(Math.min(count, r.remaining() / 1000 + 1));
    for (int i = 0; i < count; i++) {
      String outer = r.scope("intermediate_blocks[" + i + "].");
      blocks.add(IntermediateBlockInfo.decodeFrom(r, params));
      r.scope(outer);
    }
    List<PotCheckpoints> checkpoints = new ArrayList<>((int) checkpointCount);
    for (int i = 0; i < checkpointCount; i++) {
      checkpoints.add(
          new PotCheckpoints(r.fixed("pot_checkpoints[" + i + "]", checkpointsSize(params))));
    }
    r.expectEnd("beacon_body");
    return new BeaconBlockBody(own, blocks, checkpoints);
  }

  @Override
  public Hash root(ProtocolParameters params) {
    List<Hash> segmentRoots = new ArrayList<>(intermediateBlocks.size());
    List<Hash> headerRoots = new ArrayList<>(intermediateBlocks.size());
    for (IntermediateBlockInfo block : intermediateBlocks) {
      segmentRoots.add(block.segmentsRoot());
      headerRoots.add(block.header().root(params));
    }
    byte[] all = new byte[potCheckpoints.size() * checkpointsSize(params)];
    int offset = 0;
    for (PotCheckpoints checkpoints : potCheckpoints) {
      checkpoints.outputs().copyTo(all, offset);
      offset += checkpoints.outputs().length();
    }
    Hash left =
        MerkleRoots.pair(
            ownSegments.map(OwnSegments::root).orElse(Hash.ZERO),
            MerkleRoots.unbalancedRootOrZero(segmentRoots));
    Hash right = MerkleRoots.pair(MerkleRoots.rehashedRootOrZero(headerRoots), Hash.blake3(all));
    return MerkleRoots.pair(left, right);
  }
}
