package dev.annals.consensus.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.kernel.Kernels;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.params.ProtocolParameters;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The derivation against a naive rendering of protocol-facts §7 with BigInteger and lists. */
class ShardAssignmentTest {
  private static byte[] randomBytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  @Test
  void matchesNaiveDerivation() {
    SplittableRandom random = new SplittableRandom(20);
    NumShards[] shapes = {
      new NumShards(1, 1), new NumShards(2, 2), new NumShards(3, 7), new NumShards(1023, 1023)
    };
    for (NumShards shards : shapes) {
      List<ShardIndex> leafOrder = shards.leafShardIndices();
      for (int i = 0; i < 2000; i++) {
        Hash pk = Hash.wrap(randomBytes(random, 32));
        Hash root = Hash.wrap(randomBytes(random, 32));
        MembershipEntropy entropy = new MembershipEntropy(Bytes.wrap(randomBytes(random, 16)));
        HistorySize size = new HistorySize(1 + (random.nextLong() >>> 1));
        int log2 = 1 + random.nextInt(30);
        ShardAssignment a = ShardAssignment.derive(pk, root, entropy, size, shards, log2);

        ByteBuffer input = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        input.put(root.toBytes()).put(entropy.value().toBytes()).putLong(size.segments() - 1);
        byte[] h = Kernels.blake3().keyedHash(pk.toBytes(), input.array());
        byte[] bigEndian = new byte[32];
        for (int j = 0; j < 32; j++) {
          bigEndian[j] = h[31 - j];
        }
        BigInteger number = new BigInteger(1, bigEndian);
        int offset = number.mod(BigInteger.valueOf(leafOrder.size())).intValueExact();
        long first = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;

        assertThat(a.leafShard()).isEqualTo(leafOrder.get(offset));
        assertThat((long) a.commitmentIndex()).isEqualTo(first % (1L << log2));
      }
    }
  }

  @Test
  void leafShardsAreNumberedFromOne() {
    SplittableRandom random = new SplittableRandom(21);
    NumShards shards = new NumShards(2, 3);
    for (int i = 0; i < 500; i++) {
      ShardAssignment a =
          ShardAssignment.derive(
              Hash.wrap(randomBytes(random, 32)),
              Hash.wrap(randomBytes(random, 32)),
              new MembershipEntropy(Bytes.wrap(randomBytes(random, 16))),
              HistorySize.ONE,
              shards,
              20);
      assertThat(a.leafShard().kind()).isEqualTo(ShardKind.LEAF);
      assertThat(a.leafShard().leafNumber()).isBetween(1, 3);
      assertThat(a.leafShard().parent().value()).isBetween(1, 2);
    }
  }

  @Test
  void rotationSourceIsTheDelayedIntervalStart() {
    for (ProtocolParameters p : ProtocolParameters.PRESETS) {
      long interval = p.shardRotationInterval();
      long delay = p.shardRotationDelay();
      for (long n = 0; n < 10 * interval + delay; n++) {
        long naive = n < delay ? 0 : (n - delay) / interval * interval;
        assertThat(ShardRotation.entropySourceBlock(new BlockNumber(n), p).value())
            .isEqualTo(naive);
      }
      BlockNumber huge = new BlockNumber(-1L);
      long expected = Long.divideUnsigned(-1L - delay, interval) * interval;
      assertThat(ShardRotation.entropySourceBlock(huge, p).value()).isEqualTo(expected);
      assertThat(
              ShardRotation.sameRotation(
                  new BlockNumber(delay + interval - 1), new BlockNumber(delay), p))
          .isEqualTo(interval > 1);
      assertThat(
              ShardRotation.sameRotation(
                  new BlockNumber(delay + interval), new BlockNumber(delay), p))
          .isFalse();
    }
  }

  @Test
  void entropyIsThePotOutputAndIsLengthChecked() {
    byte[] out = new byte[16];
    out[3] = 9;
    assertThat(MembershipEntropy.fromPotOutput(Bytes.of(out)).value()).isEqualTo(Bytes.of(out));
    assertThatThrownBy(() -> MembershipEntropy.fromPotOutput(Bytes.zeros(15)))
        .hasMessageContaining("proof_of_time");
  }
}
