package dev.annals.farmer;

import dev.annals.consensus.seal.SealingKey;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardAssignment;
import dev.annals.consensus.shard.ShardCommitmentRoots;
import dev.annals.consensus.shard.ShardCommitmentTree;
import dev.annals.kernel.Kernels;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.NumShards;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.ShardCommitment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * A farmer identity: one 32-byte secret from which everything else follows. The secret is the
 * Ed25519 key that seals blocks (its public key hash names the farmer in solutions and sector ids)
 * and, hashed, the seed of the shard commitments (one commitments root per history size at which
 * sectors are plotted).
 *
 * <p>Persisted form ({@link #save}, {@link #load}): a 64-byte file, the secret then the public key
 * hash, so a damaged or swapped file is refused rather than silently farming as someone else.
 */
public final class FarmerIdentity {
  /** Size of the persisted form: secret (32) ‖ public key hash (32). */
  public static final int FILE_SIZE = SealingKey.SECRET_SIZE + Hash.SIZE;

  private static final byte[] DEVNET_DOMAIN =
      "annals devnet farmer".getBytes(StandardCharsets.US_ASCII);
  private static final int ROOTS_KEPT = 8;

  private final byte[] secret;
  private final SealingKey sealingKey;
  private final ShardCommitmentRoots roots;
  private final int leavesLog2;

  private FarmerIdentity(byte[] secret, ProtocolParameters params) {
    this.secret = secret;
    this.sealingKey = SealingKey.fromSecret(secret);
    this.leavesLog2 = params.shardCommitmentLeavesLog2();
    this.roots =
        new ShardCommitmentRoots(
            ShardCommitmentTree.seedFromSecretKey(secret), leavesLog2, ROOTS_KEPT);
  }

  /** The identity of a 32-byte secret (copied). */
  public static FarmerIdentity fromSecret(byte[] secret, ProtocolParameters params) {
    if (secret == null || secret.length != SealingKey.SECRET_SIZE) {
      throw new IllegalArgumentException(
          "farmer identity secret: must be "
              + SealingKey.SECRET_SIZE
              + " bytes (value "
              + (secret == null ? null : secret.length + " bytes")
              + ")");
    }
    return new FarmerIdentity(secret.clone(), params);
  }

  /**
   * Identity number {@code i} of a devnet: secret {@code BLAKE3("annals devnet farmer" ‖ i u32
   * LE)}. Anyone can derive it, so it is for development chains only.
   */
  public static FarmerIdentity devnet(int i, ProtocolParameters params) {
    if (i < 0) {
      throw new IllegalArgumentException("devnet identity number: must be >= 0 (value " + i + ")");
    }
    byte[] input = Arrays.copyOf(DEVNET_DOMAIN, DEVNET_DOMAIN.length + 4);
    for (int b = 0; b < 4; b++) {
      input[DEVNET_DOMAIN.length + b] = (byte) (i >>> (8 * b));
    }
    return new FarmerIdentity(Kernels.blake3().hash(input), params);
  }

  /** Reads the 64-byte persisted form, checking the stored public key hash. */
  public static FarmerIdentity load(Path file, ProtocolParameters params) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length != FILE_SIZE) {
      throw new IllegalArgumentException(
          "farmer identity file "
              + file
              + ": must be "
              + FILE_SIZE
              + " bytes (value "
              + bytes.length
              + " bytes)");
    }
    FarmerIdentity identity =
        new FarmerIdentity(Arrays.copyOf(bytes, SealingKey.SECRET_SIZE), params);
    Hash stored = Hash.of(Arrays.copyOfRange(bytes, SealingKey.SECRET_SIZE, FILE_SIZE));
    if (!stored.equals(identity.publicKeyHash())) {
      throw new IllegalArgumentException(
          "farmer identity file "
              + file
              + ": stored public key hash "
              + stored
              + " does not match the secret's "
              + identity.publicKeyHash());
    }
    return identity;
  }

  /** Writes the persisted form (through a temporary file, so a crash leaves no half file). */
  public void save(Path file) throws IOException {
    byte[] bytes = new byte[FILE_SIZE];
    System.arraycopy(secret, 0, bytes, 0, secret.length);
    publicKeyHash().copyTo(bytes, SealingKey.SECRET_SIZE);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public Hash publicKeyHash() {
    return sealingKey.publicKeyHash();
  }

  /** The commitments root bound into every sector plotted at {@code historySize}. */
  public Hash commitmentsRoot(HistorySize historySize) {
    return roots.root(historySize);
  }

  /** The reveal of commitment leaf {@code index} for sectors plotted at {@code historySize}. */
  public ShardCommitment reveal(HistorySize historySize, int index) {
    return roots.reveal(historySize, index);
  }

  /** Where sectors plotted at {@code historySize} farm while {@code entropy} is current. */
  public ShardAssignment assignment(
      HistorySize historySize, MembershipEntropy entropy, NumShards numShards) {
    return ShardAssignment.derive(
        publicKeyHash(), commitmentsRoot(historySize), entropy, historySize, numShards, leavesLog2);
  }

  /** Seals a block whose header bytes before the seal hash to {@code preSealHash}. */
  public Seal seal(Hash preSealHash) {
    return sealingKey.seal(preSealHash);
  }

  @Override
  public String toString() {
    return "FarmerIdentity[publicKeyHash=" + publicKeyHash() + "]";
  }
}
