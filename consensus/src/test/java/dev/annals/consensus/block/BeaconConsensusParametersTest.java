package dev.annals.consensus.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.BlockHeaderResult;
import dev.annals.primitives.block.ChildBlockRoots;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.PotParametersChange;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Proofs;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Beacon consensus parameters on the dev preset (retarget every 20 blocks, entropy injection every
 * 10 with lookback 2 and delay 4), against a chain of synthetic headers whose slot is 3 × number.
 * Expected values are recomputed here from the rules' definitions.
 */
class BeaconConsensusParametersTest {
  private static final ProtocolParameters P = ProtocolParameters.DEV;
  private static final long RANGE = 1L << 40;
  private static final long ITERATIONS = P.slotIterations();
  private final Map<Long, BlockHeader> chain = new HashMap<>();

  private static Bytes pot(long number) {
    return Bytes.wrap(Arrays.copyOf(Hash.blake3(new byte[] {(byte) number, 7}).toBytes(), 16));
  }

  private static Hash chunk(long number) {
    return Hash.blake3(new byte[] {(byte) number, 9});
  }

  private static BeaconBlockHeader header(long number, ConsensusParameters params) {
    Solution solution =
        new Solution(
            Hash.ZERO,
            new ShardCommitment(Hash.ZERO, Proofs.zeros(P.shardCommitmentProofHashes()), Hash.ZERO),
            LocalSegmentIndex.ZERO,
            SuperSegmentIndex.ZERO,
            Hash.ZERO,
            Proofs.zeros(P.segmentProofHashes()),
            Hash.ZERO,
            Proofs.zeros(P.recordProofHashes()),
            chunk(number),
            Proofs.zeros(P.chunkProofHashes()),
            Bytes.zeros(P.posProofSize()),
            HistorySize.ONE,
            new SectorIndex(0),
            new PieceOffset(0),
            SegmentPosition.ZERO,
            ShardIndex.BEACON);
    return new BeaconBlockHeader(
        new BlockHeaderPrefix(
            new BlockNumber(number), ShardIndex.BEACON, number, Hash.ZERO, Hash.ZERO),
        new BlockHeaderResult(Hash.ZERO, Hash.ZERO),
        new ConsensusInfo(new Slot(3 * number), pot(number), pot(number), solution),
        ChildBlockRoots.NONE,
        params,
        new Seal(Bytes.zeros(Seal.PUBLIC_KEY_SIZE), Bytes.zeros(Seal.SIGNATURE_SIZE)));
  }

  private static ConsensusParameters plain(long range) {
    return new ConsensusParameters(
        range, ITERATIONS, P.numShards(), Optional.empty(), OptionalLong.empty(), Optional.empty());
  }

  /** Fills the chain 0..n − 1 with plain headers; returns header n − 1 (the parent of n). */
  private BeaconBlockHeader chainTo(long n, ConsensusParameters parentParams) {
    for (long i = 0; i < n - 1; i++) {
      chain.put(i, header(i, plain(RANGE)));
    }
    BeaconBlockHeader parent = header(n - 1, parentParams);
    chain.put(n - 1, parent);
    return parent;
  }

  private ConsensusParameters derive(BeaconBlockHeader parent, long n, long slot)
      throws MissingDependencyException {
    return BeaconConsensusParameters.derive(
        P,
        parent,
        new BlockNumber(n),
        new Slot(slot),
        Optional.empty(),
        number -> Optional.ofNullable(chain.get(number.value())));
  }

  @Test
  void anOrdinaryBlockKeepsItsParentsParameters() throws Exception {
    BeaconBlockHeader parent = chainTo(7, plain(RANGE));
    assertThat(derive(parent, 7, 21)).isEqualTo(plain(RANGE));
  }

  @Test
  void theParentsNextRangeBecomesCurrentAndNoRetargetHappensThen() throws Exception {
    ConsensusParameters withNext =
        new ConsensusParameters(
            RANGE,
            ITERATIONS,
            P.numShards(),
            Optional.empty(),
            OptionalLong.of(RANGE * 2),
            Optional.empty());
    BeaconBlockHeader parent = chainTo(40, withNext);
    ConsensusParameters derived = derive(parent, 40, 120);
    assertThat(derived.solutionRange()).isEqualTo(RANGE * 2);
    assertThat(derived.nextSolutionRange()).isEmpty();
  }

  @Test
  void blockFortyRetargetsFromTheSlotsSinceBlockTwenty() throws Exception {
    BeaconBlockHeader parent = chainTo(40, plain(RANGE));
    long slot = 3 * 20 + 7; // 7 slots since block 20 for 20 blocks: far too fast, range shrinks
    BigInteger naive =
        BigInteger.valueOf(RANGE)
            .multiply(BigInteger.valueOf(slot - 60))
            .multiply(BigInteger.valueOf(P.slotProbabilityNumerator()))
            .divide(BigInteger.valueOf(P.retargetInterval()))
            .divide(BigInteger.valueOf(P.slotProbabilityDenominator()));
    long expected = Math.max(naive.longValueExact(), RANGE / 4);
    ConsensusParameters derived = derive(parent, 40, slot);
    assertThat(derived.solutionRange()).isEqualTo(RANGE);
    assertThat(derived.nextSolutionRange()).hasValue(expected);
    assertThat(expected).isEqualTo(RANGE / 4);

    long slower = 3 * 20 + 100;
    long unclamped =
        BigInteger.valueOf(RANGE)
            .multiply(BigInteger.valueOf(100))
            .divide(BigInteger.valueOf(20 * 2))
            .longValueExact();
    assertThat(derive(parent, 40, slower).nextSolutionRange()).hasValue(unclamped);
  }

  @Test
  void theFirstRetargetBlockDoesNotRetarget() throws Exception {
    BeaconBlockHeader parent = chainTo(20, plain(RANGE));
    assertThat(derive(parent, 20, 60).nextSolutionRange()).isEmpty();
  }

  @Test
  void blockThirtyInjectsTheEntropyOfBlockTen() throws Exception {
    BeaconBlockHeader parent = chainTo(30, plain(RANGE));
    ConsensusParameters derived = derive(parent, 30, 90);
    byte[] input = new byte[48];
    chunk(10).copyTo(input, 0);
    pot(10).copyTo(input, 32);
    assertThat(derived.potParametersChange())
        .contains(
            new PotParametersChange(
                new Slot(90 + P.entropyInjectionDelaySlots()), ITERATIONS, Hash.blake3(input)));
    assertThat(derive(chainTo(20, plain(RANGE)), 20, 60).potParametersChange()).isEmpty();
  }

  @Test
  void aPendingChangeIsCarriedUntilItsSlot() throws Exception {
    PotParametersChange change =
        new PotParametersChange(new Slot(100), ITERATIONS * 2, Hash.blake3(new byte[] {1}));
    ConsensusParameters pending =
        new ConsensusParameters(
            RANGE,
            ITERATIONS,
            P.numShards(),
            Optional.empty(),
            OptionalLong.empty(),
            Optional.of(change));
    BeaconBlockHeader parent = chainTo(7, pending);
    assertThat(derive(parent, 7, 99).potParametersChange()).contains(change);
    assertThat(derive(parent, 7, 99).slotIterations()).isEqualTo(ITERATIONS);
    ConsensusParameters after = derive(parent, 7, 100);
    assertThat(after.potParametersChange()).isEmpty();
  }

  @Test
  void missingAncestorsAreAMissingDependency() {
    BeaconBlockHeader parent = chainTo(40, plain(RANGE));
    chain.remove(20L);
    assertThatThrownBy(() -> derive(parent, 40, 200))
        .isInstanceOfSatisfying(
            MissingDependencyException.class,
            e -> assertThat(e.rule()).isEqualTo(BlockRule.ANCESTOR_UNKNOWN));
    BeaconBlockHeader parent30 = chainTo(30, plain(RANGE));
    chain.remove(10L);
    assertThatThrownBy(() -> derive(parent30, 30, 90))
        .isInstanceOfSatisfying(
            MissingDependencyException.class, e -> assertThat(e.dependency()).contains("10"));
  }
}
