package dev.annals.consensus.range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.block.ConsensusParameters;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SolutionRangesTest {
  private static final NumShards SHARDS = new NumShards(2, 3);

  private static ConsensusParameters params(long range, OptionalLong next) {
    return new ConsensusParameters(range, 1000, SHARDS, Optional.empty(), next, Optional.empty());
  }

  @Test
  void withoutAPendingRetargetEveryKindScalesTheBlocksOwnRange() {
    SolutionRanges ranges = SolutionRanges.after(params(1000, OptionalLong.empty()));
    assertThat(ranges).isEqualTo(SolutionRanges.uniform(new SolutionRange(1000)));
    assertThat(ranges.forShardKind(ShardKind.BEACON, SHARDS).value()).isEqualTo(1000);
    assertThat(ranges.forShardKind(ShardKind.INTERMEDIATE, SHARDS).value()).isEqualTo(2000);
    assertThat(ranges.forShardKind(ShardKind.LEAF, SHARDS).value()).isEqualTo(6000);
  }

  @Test
  void afterARetargetBlockTheBeaconBlockTakesTheNextRangeAndShardsKeepTheOwn() {
    SolutionRanges ranges = SolutionRanges.after(params(1000, OptionalLong.of(250)));
    assertThat(ranges.beacon().value()).isEqualTo(250);
    assertThat(ranges.child().value()).isEqualTo(1000);
    assertThat(ranges.forShardKind(ShardKind.BEACON, SHARDS).value()).isEqualTo(250);
    assertThat(ranges.forShardKind(ShardKind.INTERMEDIATE, SHARDS).value()).isEqualTo(2000);
    assertThat(ranges.forShardKind(ShardKind.LEAF, SHARDS).value()).isEqualTo(6000);
  }

  @Test
  void bothRangesAreRequired() {
    assertThatThrownBy(() -> new SolutionRanges(null, SolutionRange.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("solution ranges");
  }
}
