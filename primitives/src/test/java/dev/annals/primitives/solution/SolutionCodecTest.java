package dev.annals.primitives.solution;

import static dev.annals.primitives.testing.DecodeAssertions.assertRejects;
import static dev.annals.primitives.testing.DecodeAssertions.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.testing.Fixtures;
import dev.annals.primitives.testing.PrimitiveArbitraries;
import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

class SolutionCodecTest {
  @Provide
  Arbitrary<Tuple2<ProtocolParameters, Solution>> solutions() {
    return PrimitiveArbitraries.presets()
        .flatMap(p -> PrimitiveArbitraries.solutions(p).map(s -> Tuple.of(p, s)));
  }

  @Property(tries = 200)
  void roundTrips(@ForAll("solutions") Tuple2<ProtocolParameters, Solution> t) {
    byte[] bytes = t.get2().encode(t.get1());
    assertThat(bytes).hasSize(t.get1().solutionSize());
    assertThat(Solution.decode(bytes, t.get1())).isEqualTo(t.get2());
  }

  @Test
  void sizes() {
    ProtocolParameters p = ProtocolParameters.PRODUCTION;
    assertThat(Fixtures.solution(p, Fixtures.hash(0)).encode(p)).hasSize(2440);
    ProtocolParameters d = ProtocolParameters.DEV;
    assertThat(Fixtures.solution(d, Fixtures.hash(0)).encode(d)).hasSize(1672);
  }

  @Test
  void rejectsMalformedTail() {
    for (ProtocolParameters params : ProtocolParameters.PRESETS) {
      byte[] bytes = Fixtures.solution(params, Fixtures.hash(0)).encode(params);
      int end = bytes.length;
      assertRejects(() -> Solution.decode(put(bytes, end - 1, 1, 1), params), "padding");
      assertRejects(
          () -> Solution.decode(put(bytes, end - 8, 1024, 4), params), "piece_shard_index");
      assertRejects(
          () -> Solution.decode(put(bytes, end - 8, 1 << 20, 4), params), "piece_shard_index");
      assertRejects(
          () -> Solution.decode(put(bytes, end - 12, 1 << 20, 4), params), "segment_position");
      assertRejects(() -> Solution.decode(put(bytes, end - 24, -1L, 8), params), "history_size");
      assertRejects(() -> Solution.decode(Arrays.copyOf(bytes, end - 3), params), "padding");
      assertRejects(() -> Solution.decode(Arrays.copyOf(bytes, end + 1), params), "solution");
    }
  }

  @Test
  void encodeChecksPresetSizes() {
    ProtocolParameters p = ProtocolParameters.PRODUCTION;
    Solution dev = Fixtures.solution(ProtocolParameters.DEV, Fixtures.hash(0));
    // Dev commits to 2^10 shard commitment leaves, production to 2^20: the first field to differ.
    assertThatThrownBy(() -> dev.encode(p))
        .hasMessageContaining("shard_commitment.proof")
        .hasMessageContaining("20 hashes");
    Solution wrongPos =
        new Solution(
            dev.publicKeyHash(),
            dev.shardCommitment(),
            dev.pieceLocalSegmentIndex(),
            dev.pieceSuperSegmentIndex(),
            dev.segmentRoot(),
            dev.segmentProof(),
            dev.recordRoot(),
            dev.recordProof(),
            dev.chunk(),
            dev.chunkProof(),
            Bytes.zeros(95),
            dev.historySize(),
            dev.sectorIndex(),
            dev.pieceOffset(),
            dev.segmentPosition(),
            dev.pieceShardIndex());
    assertThatThrownBy(() -> wrongPos.encode(ProtocolParameters.DEV))
        .hasMessageContaining("proof_of_space");
  }
}
