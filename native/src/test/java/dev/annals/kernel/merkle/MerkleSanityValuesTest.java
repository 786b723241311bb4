package dev.annals.kernel.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The sanity values of /work/shared/reference/protocol-facts.md section 1. */
class MerkleSanityValuesTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void innerNodeKey() {
    assertThat(HEX.formatHex(MerkleNodes.innerNodeKey()))
        .isEqualTo("53117d4da81a34350b1a30d4286d7e5a1eb0a20f5e5e2694474b4fbd86c3c07e");
  }

  @Test
  void pairOfZeroHashes() {
    assertThat(HEX.formatHex(MerkleNodes.pair(new byte[32], new byte[32])))
        .isEqualTo("92f8b978bb94efd1ab9d8e2ac84880d850f977d44395939901aebfcdc54cb084");
  }

  @Test
  void balancedRootOf2To15ZeroLeaves() {
    byte[] leaves = new byte[32 << 15];
    String expected = "f725a0a7a44b3f55447f0764f94cb2238474c9504be4d41c3e9c018eff57186a";
    assertThat(HEX.formatHex(BalancedMerkleTree.root(leaves))).isEqualTo(expected);
    assertThat(HEX.formatHex(UnbalancedMerkleTree.root(leaves))).isEqualTo(expected);
    assertThat(SparseMerkleTree.root(leaves)).isEqualTo(new byte[32]);
  }
}
