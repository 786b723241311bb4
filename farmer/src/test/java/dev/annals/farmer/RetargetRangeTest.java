package dev.annals.farmer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.consensus.block.BeaconConsensusParameters;
import dev.annals.consensus.range.SolutionRange;
import dev.annals.consensus.range.SolutionRanges;
import dev.annals.consensus.solution.SolutionVerifyException.Check;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.ShardKind;
import dev.annals.primitives.Slot;
import dev.annals.primitives.SuperSegmentIndex;
import dev.annals.primitives.block.BeaconBlockHeader;
import dev.annals.primitives.block.BlockHeader;
import dev.annals.primitives.block.BlockHeaderPrefix;
import dev.annals.primitives.block.BlockHeaderResult;
import dev.annals.primitives.block.ChildBlockRoots;
import dev.annals.primitives.block.ConsensusInfo;
import dev.annals.primitives.block.ConsensusParameters;
import dev.annals.primitives.block.Seal;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Proofs;
import dev.annals.primitives.solution.ShardCommitment;
import dev.annals.primitives.solution.Solution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * At a solution-range retarget the beacon block built on the retarget block is judged by the new
 * range, shard blocks naming it by the old one. A slot announced with {@link SolutionRanges#after}
 * the retarget block makes the farmer offer exactly the solutions the consensus verifier accepts
 * for each kind, with the beacon block's range taken from {@link BeaconConsensusParameters#derive}
 * (block-rules rule 13, whose result the verifier judges the beacon solution by).
 */
class RetargetRangeTest {
  private static final ProtocolParameters DEV = DevHistory.DEV;
  private static final long OLD = 1L << 62;
  private final Map<Long, BlockHeader> chain = new HashMap<>();

  @Test
  void theFarmersRangesAreTheVerifiersForTheBlocksBuiltAfterARetarget() throws Exception {
    long interval = DEV.retargetInterval();
    long retarget = 2 * interval; // the first block that retargets
    for (long n = 0; n < retarget; n++) {
      chain.put(n, header(n, 3 * n, plain(OLD)));
    }
    // Few slots since block `interval`: blocks came too fast, the range shrinks (to a quarter).
    long retargetSlot = 3 * interval + 7;
    ConsensusParameters atRetarget = derive(retarget, retargetSlot);
    assertThat(atRetarget.solutionRange()).isEqualTo(OLD);
    assertThat(atRetarget.nextSolutionRange()).isPresent();
    BeaconBlockHeader best = header(retarget, retargetSlot, atRetarget);
    chain.put(retarget, best);

    // What the verifier judges the next beacon block by, and shard blocks naming `best` by.
    SolutionRange beaconVerifierRange =
        new SolutionRange(derive(retarget + 1, retargetSlot + 1).solutionRange());
    assertThat(beaconVerifierRange.value()).isEqualTo(OLD / 4);
    SolutionRanges announced = SolutionRanges.after(best.consensusParameters());
    assertThat(announced.beacon()).isEqualTo(beaconVerifierRange);
    assertThat(announced.child()).isEqualTo(new SolutionRange(OLD));

    TestNode node = new TestNode(4);
    Farm farm =
        new Farm(DEV, FarmerIdentity.devnet(7, DEV), new MemorySectorStore(), 2, node, 1, e -> {});
    try (farm) {
      farm.sync();
      HistorySize history = node.historySize();
      SlotAuditor auditor = new SlotAuditor(DEV, 1);
      int beaconWins = 0;
      int childWins = 0;
      int oldAnnouncementRejected = 0;
      for (long n = 1; n <= 120; n++) {
        SlotNotification slot = Slots.slot(n, announced, Slots.entropy(1), history);
        List<ShardSolution> offered = new ArrayList<>();
        auditor.farm(slot, List.of(farm), offered::add);
        for (ShardSolution s : offered) {
          SolutionRange range = verifierRange(s.shard().kind(), beaconVerifierRange);
          assertThat(RealVerifier.verdict(s, slot, range, history, node))
              .as("slot %d shard %s distance %s", n, s.shard(), Long.toUnsignedString(s.distance()))
              .isEmpty();
          assertThat(
                  ShardEligibility.qualifies(s.distance(), s.shard(), announced, DEV.numShards()))
              .isTrue();
          if (s.shard().equals(ShardIndex.BEACON)) {
            beaconWins++;
          } else {
            childWins++;
          }
        }
        // The announcement before the fix: the best block's own range for every kind.
        SlotNotification old =
            Slots.slot(
                n, SolutionRanges.uniform(new SolutionRange(OLD)), Slots.entropy(1), history);
        List<ShardSolution> offeredBefore = new ArrayList<>();
        auditor.farm(old, List.of(farm), offeredBefore::add);
        for (ShardSolution s : offeredBefore) {
          if (!s.shard().equals(ShardIndex.BEACON)) {
            continue;
          }
          Optional<Check> verdict =
              RealVerifier.verdict(s, old, beaconVerifierRange, history, node);
          if (verdict.isPresent()) {
            assertThat(verdict).contains(Check.OUT_OF_RANGE);
            // The producer's re-check at build time drops such a solution.
            assertThat(
                    ShardEligibility.qualifies(
                        s.distance(), ShardIndex.BEACON, announced, DEV.numShards()))
                .isFalse();
            oldAnnouncementRejected++;
          }
        }
      }
      assertThat(beaconWins).as("beacon solutions within the new range").isPositive();
      assertThat(childWins).as("shard solutions").isPositive();
      assertThat(oldAnnouncementRejected)
          .as("beacon solutions the old announcement offered and the verifier rejects")
          .isPositive();
    }
  }

  /** Block-rules "What a solution is judged by": beacon by its own range, shards by best's. */
  private static SolutionRange verifierRange(ShardKind kind, SolutionRange beacon) {
    return kind == ShardKind.BEACON
        ? beacon
        : new SolutionRange(OLD).forShardKind(kind, DEV.numShards());
  }

  private ConsensusParameters derive(long number, long slot) throws Exception {
    BeaconBlockHeader parent = (BeaconBlockHeader) chain.get(number - 1);
    return BeaconConsensusParameters.derive(
        DEV,
        parent,
        new BlockNumber(number),
        new Slot(slot),
        Optional.empty(),
        n -> Optional.ofNullable(chain.get(n.value())));
  }

  private static ConsensusParameters plain(long range) {
    return new ConsensusParameters(
        range,
        DEV.slotIterations(),
        DEV.numShards(),
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }

  private static Bytes pot(long number) {
    return Bytes.wrap(Arrays.copyOf(Hash.blake3(new byte[] {(byte) number, 7}).toBytes(), 16));
  }

  /** A synthetic beacon header: only number, slot and consensus parameters matter here. */
  private static BeaconBlockHeader header(long number, long slot, ConsensusParameters params) {
    Solution solution =
        new Solution(
            Hash.ZERO,
            new ShardCommitment(
                Hash.ZERO, Proofs.zeros(DEV.shardCommitmentProofHashes()), Hash.ZERO),
            LocalSegmentIndex.ZERO,
            SuperSegmentIndex.ZERO,
            Hash.ZERO,
            Proofs.zeros(DEV.segmentProofHashes()),
            Hash.ZERO,
            Proofs.zeros(DEV.recordProofHashes()),
            Hash.blake3(new byte[] {(byte) number, 9}),
            Proofs.zeros(DEV.chunkProofHashes()),
            Bytes.zeros(DEV.posProofSize()),
            HistorySize.ONE,
            new SectorIndex(0),
            new PieceOffset(0),
            SegmentPosition.ZERO,
            ShardIndex.BEACON);
    return new BeaconBlockHeader(
        new BlockHeaderPrefix(
            new BlockNumber(number), ShardIndex.BEACON, number, Hash.ZERO, Hash.ZERO),
        new BlockHeaderResult(Hash.ZERO, Hash.ZERO),
        new ConsensusInfo(new Slot(slot), pot(number), pot(number), solution),
        ChildBlockRoots.NONE,
        params,
        new Seal(Bytes.zeros(Seal.PUBLIC_KEY_SIZE), Bytes.zeros(Seal.SIGNATURE_SIZE)));
  }
}
