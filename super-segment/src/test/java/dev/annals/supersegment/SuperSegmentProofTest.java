package dev.annals.supersegment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.GlobalSegmentIndex;
import dev.annals.primitives.Hash;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuperSegmentProofTest {
  @Test
  void everyPositionOfSuperSegmentsWithOneTo300SegmentsProvesAgainstTheChain() {
    Random random = new Random(5);
    SuperSegmentChain chain = new SuperSegmentChain();
    SuperSegment previous = SuperSegment.first(new BlockNumber(1), TestSegments.genesis(random));
    chain.append(previous.header());
    long nextGlobal = 1;
    for (int n = 1; n <= 300; n++) {
      List<ShardSegmentRoot> segments = TestSegments.random(random, n);
      SuperSegment s = SuperSegment.next(previous.header(), new BlockNumber(n + 1), segments);
      NaiveSuperSegmentTree naive = new NaiveSuperSegmentTree(segments);
      assertThat(s.root().toBytes()).as("root of %d", n).isEqualTo(naive.root());
      chain.append(s.header());
      List<byte[]> proofs = s.allProofs();
      for (int p = 0; p < n; p++) {
        SegmentPosition position = new SegmentPosition(p);
        byte[] proof = proofs.get(p);
        assertThat(proof).as("proof %d of %d", p, n).isEqualTo(naive.proof(p));
        if (p % 37 == 0) {
          assertThat(s.proof(position)).isEqualTo(proof);
        }

        List<Hash> stored = SegmentProofs.pad(proof, ProtocolParameters.DEV.segmentProofHashes());
        assertThat(stored).hasSize(20);
        assertThat(SegmentProofs.usedPrefix(stored)).isEqualTo(proof);
        assertThat(stored.subList(proof.length / 32, 20)).allMatch(Hash::isZero);

        GlobalSegmentIndex global = s.globalSegmentIndex(position);
        assertThat(global.value()).isEqualTo(nextGlobal + p);
        SegmentLocation at = chain.locate(global);
        assertThat(at.superSegment()).isEqualTo(s.header().index());
        assertThat(at.position()).isEqualTo(position);
        ShardSegmentRoot seg = segments.get(p);
        assertThat(
                chain.contains(
                    at, seg.shard().value(), seg.localIndex().value(), seg.root(), proof))
            .isTrue();
        // The same segment claimed one position further fails (the position is in the leaf).
        if (p + 1 < n && p % 5 == 0) {
          SegmentLocation other =
              new SegmentLocation(global.next(), at.superSegment(), new SegmentPosition(p + 1));
          byte[] otherProof = proofs.get(p + 1);
          assertThat(
                  chain.contains(
                      other, seg.shard().value(), seg.localIndex().value(), seg.root(), otherProof))
              .isFalse();
        }
      }
      nextGlobal += n;
      previous = s;
    }
    assertThat(chain.size()).isEqualTo(301);
    assertThat(chain.maxSegmentIndex().value()).isEqualTo(300L * 301 / 2);
  }
}
