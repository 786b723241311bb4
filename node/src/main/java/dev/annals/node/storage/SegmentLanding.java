package dev.annals.node.storage;

import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a shard segment landed: the super segment holding it, its position there and its segment
 * proof (padded with zero hashes to the preset's proof length, as in a piece header). Keyed by the
 * segment's global index, it turns a global piece index into the stored piece and the super segment
 * fields of its header, so landing never rewrites pieces.
 *
 * <p>Value: shard u32 LE ‖ local segment index u64 LE ‖ super segment index u64 LE ‖ position u32
 * LE ‖ segment proof (segment proof hashes × 32 bytes).
 */
public record SegmentLanding(
    ShardIndex shard,
    LocalSegmentIndex localIndex,
    SuperSegmentIndex superSegmentIndex,
    SegmentPosition position,
    List<Hash> segmentProof) {

  public SegmentLanding {
    if (shard == null
        || localIndex == null
        || superSegmentIndex == null
        || position == null
        || segmentProof == null) {
      throw new IllegalArgumentException("segment landing: every field must be set (value null)");
    }
    segmentProof = List.copyOf(segmentProof);
  }

  static Codec<SegmentLanding> codec(ProtocolParameters params) {
    int proofHashes = params.segmentProofHashes();
    int size = 4 + 8 + 8 + 4 + proofHashes * Hash.SIZE;
    return new Codec<>() {
      @Override
      public byte[] encode(SegmentLanding landing) {
        if (landing.segmentProof.size() != proofHashes) {
          throw new IllegalArgumentException(
              "segment_landing.segment_proof: must have "
                  + proofHashes
                  + " hashes in preset "
                  + params.name()
                  + " (value "
                  + landing.segmentProof.size()
                  + ")");
        }
        ByteWriter w = new ByteWriter(size);
        w.u32(landing.shard.value())
            .u64(landing.localIndex.value())
            .u64(landing.superSegmentIndex.value())
            .u32(landing.position.value());
        for (Hash h : landing.segmentProof) {
          w.hash(h);
        }
        return w.toByteArray();
      }

      @Override
      public SegmentLanding decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        r.scope("segment_landing.");
        long shard = r.u32("shard");
        long local = r.u64("local_segment_index");
        long superIndex = r.u64("super_segment_index");
        long position = r.u32("segment_position");
        List<Hash> proof = new ArrayList<>(proofHashes);
        for (int i = 0; i < proofHashes; i++) {
          proof.add(r.hash("segment_proof"));
        }
        r.expectEnd("value");
        return new SegmentLanding(
            Keys.shard("segment_landing.shard", (int) shard),
            new LocalSegmentIndex(local),
            new SuperSegmentIndex(superIndex),
            new SegmentPosition((int) position),
            proof);
      }
    };
  }
}
