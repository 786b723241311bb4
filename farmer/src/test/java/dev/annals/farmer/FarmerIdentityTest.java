package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.consensus.seal.SealVerifier;
import dev.annals.consensus.seal.SealingKey;
import dev.annals.consensus.shard.ShardAssignment;
import dev.annals.consensus.shard.ShardCommitmentTree;
import dev.annals.kernel.Kernels;
import dev.annals.kernel.merkle.BalancedMerkleTree;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.ShardCommitment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FarmerIdentityTest {
  private static final ProtocolParameters DEV = ProtocolParameters.DEV;

  @TempDir Path dir;

  private static byte[] devnetSecret(int i) {
    byte[] domain = "annals devnet farmer".getBytes(StandardCharsets.US_ASCII);
    byte[] input = new byte[domain.length + 4];
    System.arraycopy(domain, 0, input, 0, domain.length);
    input[domain.length] = (byte) i;
    input[domain.length + 1] = (byte) (i >> 8);
    input[domain.length + 2] = (byte) (i >> 16);
    input[domain.length + 3] = (byte) (i >> 24);
    return Kernels.blake3().hash(input);
  }

  @Test
  void devnetIdentitiesFollowFromTheirNumber() {
    Set<Hash> seen = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      FarmerIdentity identity = FarmerIdentity.devnet(i, DEV);
      byte[] secret = devnetSecret(i);
      assertThat(identity.publicKeyHash()).isEqualTo(SealingKey.fromSecret(secret).publicKeyHash());
      HistorySize h = new HistorySize(3 + i);
      assertThat(identity.commitmentsRoot(h))
          .isEqualTo(
              ShardCommitmentTree.build(
                      ShardCommitmentTree.seedFromSecretKey(secret),
                      h,
                      DEV.shardCommitmentLeavesLog2())
                  .root());
      assertThat(seen.add(identity.publicKeyHash())).isTrue();
    }
    assertThat(FarmerIdentity.devnet(300, DEV).publicKeyHash())
        .isEqualTo(SealingKey.fromSecret(devnetSecret(300)).publicKeyHash());
  }

  @Test
  void revealProvesAtTheAssignedIndex() {
    FarmerIdentity identity = FarmerIdentity.devnet(1, DEV);
    HistorySize h = new HistorySize(9);
    ShardAssignment a = identity.assignment(h, Slots.entropy(4), DEV.numShards());
    ShardCommitment reveal = identity.reveal(h, a.commitmentIndex());
    assertThat(reveal.root()).isEqualTo(identity.commitmentsRoot(h));
    byte[] proof = new byte[reveal.proof().size() * 32];
    for (int i = 0; i < reveal.proof().size(); i++) {
      reveal.proof().get(i).copyTo(proof, i * 32);
    }
    assertThat(
            BalancedMerkleTree.verify(
                reveal.root().toBytes(),
                1 << DEV.shardCommitmentLeavesLog2(),
                a.commitmentIndex(),
                reveal.leaf().toBytes(),
                proof))
        .isTrue();
  }

  @Test
  void persistedFormRoundTripsAndRefusesDamage() throws Exception {
    FarmerIdentity identity = FarmerIdentity.devnet(2, DEV);
    Path file = dir.resolve("identity.key");
    identity.save(file);
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).hasSize(64);
    assertThat(Arrays.copyOf(bytes, 32)).isEqualTo(devnetSecret(2));
    FarmerIdentity loaded = FarmerIdentity.load(file, DEV);
    assertThat(loaded.publicKeyHash()).isEqualTo(identity.publicKeyHash());
    Hash message = Hash.blake3(new byte[] {9});
    assertThat(SealVerifier.verify(loaded.seal(message), message)).isTrue();

    bytes[3] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> FarmerIdentity.load(file, DEV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not match");
    Files.write(file, new byte[63]);
    assertThatThrownBy(() -> FarmerIdentity.load(file, DEV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 64 bytes (value 63 bytes)");
    assertThatThrownBy(() -> FarmerIdentity.fromSecret(new byte[31], DEV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value 31 bytes");
    assertThatThrownBy(() -> FarmerIdentity.devnet(-1, DEV))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringHidesTheSecret() {
    FarmerIdentity identity = FarmerIdentity.devnet(0, DEV);
    String text = identity.toString();
    assertThat(text).contains(identity.publicKeyHash().toHex());
    assertThat(text).doesNotContain(Hash.wrap(devnetSecret(0)).toHex());
  }
}
