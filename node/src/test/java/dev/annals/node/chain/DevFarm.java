package dev.annals.node.chain;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.consensus.challenge.GlobalChallenge;
import dev.annals.consensus.seal.SealingKey;
import dev.annals.consensus.sector.AuditCandidate;
import dev.annals.consensus.sector.PlottedSector;
import dev.annals.consensus.sector.SectorAuditor;
import dev.annals.consensus.sector.SectorId;
import dev.annals.consensus.sector.SectorPlotter;
import dev.annals.consensus.sector.SectorProver;
import dev.annals.consensus.sector.SectorSolution;
import dev.annals.consensus.shard.MembershipEntropy;
import dev.annals.consensus.shard.ShardAssignment;
import dev.annals.consensus.shard.ShardCommitmentTree;
import dev.annals.genesis.GenesisBlocks;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.Slot;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.solution.Solution;
import dev.annals.supersegment.SegmentLanding;
import dev.annals.supersegment.ShardSegmentRoot;
import dev.annals.supersegment.SuperSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A real dev farm at history size 1: the global history is the beacon genesis segment, archived
 * here by {@link SegmentArchiver} and landed in super segment 0 by the super-segment module,
 * independently of the node; one farmer assigned to a chosen leaf shard plots sectors of it with
 * the sector code, audits them each slot and proves what it wins.
 */
final class DevFarm {
  private static final HistorySize HISTORY = HistorySize.ONE;

  private record Sector(SectorIndex index, SectorId id, PlottedSector plotted) {}

  final SealingKey key;
  final ShardCommitmentTree tree;
  final ShardAssignment assignment;
  final SuperSegment genesisSuperSegment;
  private final ProtocolParameters params;
  private final List<Sector> sectors = new ArrayList<>();

  DevFarm(GenesisBlocks genesis, ShardIndex leaf, MembershipEntropy entropy, int sectorCount) {
    this.params = genesis.spec().parameters();
    ArchivedSegment segment0 =
        SegmentArchiver.create(params, ShardIndex.BEACON, null)
            .addBlock(genesis.beaconArchiverBytes())
            .getFirst();
    genesisSuperSegment =
        SuperSegment.first(
            new BlockNumber(1),
            new ShardSegmentRoot(
                ShardIndex.BEACON, LocalSegmentIndex.ZERO, segment0.header().root()));
    List<Piece> history = SegmentLanding.landAll(segment0.pieces(), genesisSuperSegment, params);

    SealingKey foundKey = null;
    ShardCommitmentTree foundTree = null;
    ShardAssignment found = null;
    for (int seed = 100; seed < 250 && found == null; seed++) {
      byte[] secret = new byte[SealingKey.SECRET_SIZE];
      Arrays.fill(secret, (byte) seed);
      SealingKey k = SealingKey.fromSecret(secret);
      ShardCommitmentTree t =
          ShardCommitmentTree.build(
              ShardCommitmentTree.seedFromSecretKey(secret),
              HISTORY,
              params.shardCommitmentLeavesLog2());
      ShardAssignment a =
          ShardAssignment.derive(
              k.publicKeyHash(),
              t.root(),
              entropy,
              HISTORY,
              params.numShards(),
              params.shardCommitmentLeavesLog2());
      if (a.leafShard().equals(leaf)) {
        foundKey = k;
        foundTree = t;
        found = a;
      }
    }
    if (found == null) {
      throw new IllegalStateException("no farmer on leaf shard " + leaf);
    }
    key = foundKey;
    tree = foundTree;
    assignment = found;

    SectorPlotter plotter = new SectorPlotter(params, 1);
    for (int i = 0; i < sectorCount; i++) {
      SectorIndex index = new SectorIndex(i);
      SectorId id = SectorId.derive(key.publicKeyHash(), tree.root(), index, HISTORY);
      List<Piece> pieces = new ArrayList<>();
      for (int offset = 0; offset < params.maxPiecesInSector(); offset++) {
        long pieceIndex = id.pieceIndex(new PieceOffset(offset), HISTORY, params).value();
        pieces.add(history.get((int) (pieceIndex % params.piecesPerSegment())));
      }
      sectors.add(new Sector(index, id, plotter.plot(id, index, HISTORY, pieces)));
    }
  }

  /** A proven solution for {@code slot} within {@code range}, from any sector, if one wins. */
  Optional<Solution> solve(Slot slot, Bytes proofOfTime, long range) {
    Hash challenge = GlobalChallenge.derive(proofOfTime.toBytes(), slot);
    SectorAuditor auditor = new SectorAuditor(params);
    SectorProver prover = new SectorProver(params, 1);
    for (Sector sector : sectors) {
      PlottedSector p = sector.plotted();
      for (AuditCandidate candidate :
          auditor.audit(p.data(), p.metadata(), sector.id(), challenge, range)) {
        SectorSolution proven;
        try {
          proven = prover.prove(p.data(), p.metadata(), sector.id(), candidate);
        } catch (IllegalArgumentException fillerChunk) {
          continue;
        }
        return Optional.of(
            proven.toSolution(
                key.publicKeyHash(),
                tree.reveal(assignment.commitmentIndex()),
                HISTORY,
                sector.index()));
      }
    }
    return Optional.empty();
  }
}
