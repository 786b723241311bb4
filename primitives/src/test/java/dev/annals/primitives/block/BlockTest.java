package dev.annals.primitives.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.codec.LittleEndian;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.testing.BlockArbitraries;
import dev.annals.primitives.testing.PrimitiveArbitraries;
import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BlockTest {
  private static final ProtocolParameters D = ProtocolParameters.DEV;

  @Provide
  Arbitrary<Block> leafBlocks() {
    return Combinators.combine(
            BlockArbitraries.leafHeaders(D, PrimitiveArbitraries.leafShards()),
            BlockArbitraries.leafBodies())
        .as(Block::new);
  }

  @Property(tries = 30)
  void archiverBytesRoundTripAndStartWithBothLengths(@ForAll("leafBlocks") Block block) {
    byte[] bytes = block.archiverBytes(D);
    int headerLength = block.header().encode(D).length;
    assertThat(LittleEndian.getInt(bytes, 0)).isEqualTo(headerLength);
    assertThat(LittleEndian.getInt(bytes, 4)).isEqualTo(bytes.length - 8 - headerLength);
    Block decoded = Block.fromArchiverBytes(bytes, D);
    assertThat(decoded.archiverBytes(D)).isEqualTo(bytes);
    assertThat(decoded.body()).isEqualTo(block.body());
  }

  @Property(tries = 10)
  void lengthsThatDisagreeWithTheBytesAreRejectedByName(@ForAll("leafBlocks") Block block) {
    byte[] bytes = block.archiverBytes(D);
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
    assertThatThrownBy(() -> Block.fromArchiverBytes(truncated, D))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("block.body_length");
  }

  @Property(tries = 10)
  void aHeaderAndBodyOfDifferentKindsAreNotABlock(@ForAll("leafBlocks") Block block) {
    BeaconBlockBody beaconBody = BlockArbitraries.beaconBodies(D).sample();
    assertThatThrownBy(() -> new Block(block.header(), beaconBody))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block.body");
  }
}
