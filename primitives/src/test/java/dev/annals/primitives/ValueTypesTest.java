package dev.annals.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
  @Test
  void shardKinds() {
    assertThat(new ShardIndex(0).kind()).isEqualTo(ShardKind.BEACON);
    assertThat(new ShardIndex(1).kind()).isEqualTo(ShardKind.INTERMEDIATE);
    assertThat(new ShardIndex(1023).kind()).isEqualTo(ShardKind.INTERMEDIATE);
    assertThat(new ShardIndex(1024).kind()).isEqualTo(ShardKind.PHANTOM);
    assertThat(new ShardIndex(1025).kind()).isEqualTo(ShardKind.LEAF);
    assertThat(new ShardIndex((1 << 20) - 1).kind()).isEqualTo(ShardKind.LEAF);
    assertThatThrownBy(() -> new ShardIndex(1 << 20))
        .hasMessageContaining("shard_index")
        .hasMessageContaining("1048576");
    assertThatThrownBy(() -> new ShardIndex(-1)).hasMessageContaining("4294967295");
  }

  @Property
  void leafShardsDecomposeIntoParentAndNumber(
      @ForAll @IntRange(min = 1, max = 1023) int parent,
      @ForAll @IntRange(min = 1, max = 1023) int leaf) {
    ShardIndex shard = ShardIndex.leaf(ShardIndex.intermediate(parent), leaf);
    assertThat(shard.value()).isEqualTo(leaf * 1024 + parent);
    assertThat(shard.kind()).isEqualTo(ShardKind.LEAF);
    assertThat(shard.parent()).isEqualTo(new ShardIndex(parent));
    assertThat(shard.leafNumber()).isEqualTo(leaf);
    assertThat(shard.parent().parent()).isEqualTo(ShardIndex.BEACON);
  }

  @Test
  void leafNumberingStartsAtOne() {
    assertThatThrownBy(() -> ShardIndex.leaf(ShardIndex.intermediate(3), 0))
        .hasMessageContaining("leaf shard number");
    NumShards numShards = new NumShards(2, 3);
    List<ShardIndex> leaves = numShards.leafShardIndices();
    assertThat(leaves).hasSize(6);
    Set<ShardIndex> seen = new HashSet<>();
    for (ShardIndex leaf : leaves) {
      assertThat(leaf.kind()).isEqualTo(ShardKind.LEAF);
      assertThat(numShards.contains(leaf)).isTrue();
      assertThat(seen.add(leaf)).isTrue();
    }
    assertThat(leaves.get(0)).isEqualTo(new ShardIndex(1024 | 1));
    assertThat(leaves.get(3)).isEqualTo(new ShardIndex(1024 | 2));
    assertThat(numShards.contains(ShardIndex.leaf(ShardIndex.intermediate(1), 4))).isFalse();
    assertThat(numShards.contains(ShardIndex.intermediate(3))).isFalse();
    assertThatThrownBy(() -> new NumShards(0, 1)).hasMessageContaining("intermediate_shards");
    assertThatThrownBy(() -> new NumShards(1, 1024))
        .hasMessageContaining("leaf_shards_per_intermediate_shard");
  }

  @Test
  void unsignedU64() {
    BlockNumber big = new BlockNumber(-1L);
    assertThat(big.toString()).isEqualTo("18446744073709551615");
    assertThat(big.compareTo(new BlockNumber(1))).isPositive();
    assertThat(BlockNumber.parse("18446744073709551615")).isEqualTo(big);
    assertThatThrownBy(big::next)
        .hasMessageContaining("block_number")
        .hasMessageContaining("overflow");
    assertThatThrownBy(() -> Slot.parse("-3")).hasMessageContaining("slot");
  }

  @Test
  void historySizeStoresMinusOne() {
    assertThat(new HistorySize(1).encoded()).isZero();
    assertThat(HistorySize.fromEncoded(0)).isEqualTo(HistorySize.ONE);
    assertThatThrownBy(() -> new HistorySize(0)).hasMessageContaining("history_size");
    assertThatThrownBy(() -> HistorySize.fromEncoded(-1L)).hasMessageContaining("history_size");
    assertThat(HistorySize.fromEncoded(-2L).segments()).isEqualTo(-1L);
  }

  @Test
  void boundedIntegers() {
    assertThatThrownBy(() -> new PiecePosition(256))
        .hasMessageContaining("piece_position")
        .hasMessageContaining("256");
    assertThatThrownBy(() -> new SectorIndex(65536)).hasMessageContaining("sector_index");
    assertThatThrownBy(() -> new PieceOffset(-1)).hasMessageContaining("piece_offset");
    assertThatThrownBy(() -> new SegmentPosition((1 << 20) - 1))
        .hasMessageContaining("segment_position");
    assertThat(new SegmentPosition((1 << 20) - 2).value()).isEqualTo((1 << 20) - 2);
  }

  @Test
  void hashHex() {
    String hex = "53117d4da81a34350b1a30d4286d7e5a1eb0a20f5e5e2694474b4fbd86c3c07e";
    assertThat(Hash.fromHex(hex.toUpperCase()).toHex()).isEqualTo(hex);
    assertThat(
            Hash.blake3(
                    "merkle-tree-inner-node".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .toHex())
        .isEqualTo(hex);
    assertThatThrownBy(() -> Hash.fromHex("abc")).hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> Hash.fromHex("zz" + hex.substring(2))).hasMessageContaining("not hex");
    assertThatThrownBy(() -> Hash.of(new byte[31])).hasMessageContaining("31");
  }
}
