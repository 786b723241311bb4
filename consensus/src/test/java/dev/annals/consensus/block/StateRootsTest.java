package dev.annals.consensus.block;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.kernel.merkle.MerkleNodes;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.block.IntermediateBlockBody;
import dev.annals.primitives.block.LeafBlockBody;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateRootsTest {
  private final Hash spec = Hash.blake3(new byte[] {1});

  @Test
  void genesisStateRootsDifferPerShardAndPerChainSpec() {
    Hash beacon = StateRoots.genesis(spec, ShardIndex.BEACON);
    assertThat(StateRoots.genesis(spec, ShardIndex.intermediate(1))).isNotEqualTo(beacon);
    assertThat(StateRoots.genesis(Hash.blake3(new byte[] {2}), ShardIndex.BEACON))
        .isNotEqualTo(beacon);
    assertThat(StateRoots.genesis(spec, ShardIndex.BEACON)).isEqualTo(beacon);
  }

  @Test
  void aLeafStateRootChainsEveryTransactionRootInOrder() {
    Hash parent = StateRoots.genesis(spec, ShardIndex.leaf(ShardIndex.intermediate(1), 1));
    LeafBlockBody first = new LeafBlockBody(Optional.empty(), List.of(Bytes.wrap(new byte[] {1})));
    LeafBlockBody second = new LeafBlockBody(Optional.empty(), List.of(Bytes.wrap(new byte[] {2})));

    Hash afterFirst = StateRoots.after(parent, first);
    assertThat(afterFirst)
        .isEqualTo(
            Hash.wrap(MerkleNodes.pair(parent.toBytes(), first.transactionsRoot().toBytes())));
    Hash oneThenTwo = StateRoots.after(afterFirst, second);
    Hash twoThenOne = StateRoots.after(StateRoots.after(parent, second), first);
    assertThat(oneThenTwo).isNotEqualTo(twoThenOne);
  }

  @Test
  void beaconAndIntermediateBlocksKeepTheirParentsStateRoot() {
    IntermediateBlockBody body = new IntermediateBlockBody(Optional.empty(), List.of());
    assertThat(StateRoots.after(spec, body)).isEqualTo(spec);
  }
}
