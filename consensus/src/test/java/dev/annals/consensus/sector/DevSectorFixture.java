package dev.annals.consensus.sector;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PieceOffset;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A dev archive of one shard and a sector plotted from it, shared by the sector tests. */
final class DevSectorFixture {
  static final ProtocolParameters DEV = ProtocolParameters.DEV;
  static final int SEGMENTS = 6;

  final List<ArchivedSegment> segments = new ArrayList<>();
  final Hash publicKeyHash;
  final Hash commitmentsRoot;
  final SectorIndex sectorIndex = new SectorIndex(7);
  final HistorySize historySize = new HistorySize(SEGMENTS);
  final SectorId sectorId;
  final List<Piece> pieces = new ArrayList<>();
  final PlottedSector plotted;

  private static DevSectorFixture instance;

  static synchronized DevSectorFixture get() {
    if (instance == null) {
      instance = new DevSectorFixture();
    }
    return instance;
  }

  private DevSectorFixture() {
    Random random = new Random(42);
    SegmentArchiver archiver = SegmentArchiver.create(DEV, ShardIndex.intermediate(2), null);
    while (segments.size() < SEGMENTS) {
      byte[] block = new byte[1 + random.nextInt(3000)];
      random.nextBytes(block);
      segments.addAll(archiver.addBlock(block));
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    publicKeyHash = Hash.wrap(key);
    byte[] root = new byte[32];
    random.nextBytes(root);
    commitmentsRoot = Hash.wrap(root);
    sectorId = SectorId.derive(publicKeyHash, commitmentsRoot, sectorIndex, historySize);
    for (int offset = 0; offset < DEV.maxPiecesInSector(); offset++) {
      pieces.add(piece(sectorId.pieceIndex(new PieceOffset(offset), historySize, DEV)));
    }
    plotted = new SectorPlotter(DEV, 2).plot(sectorId, sectorIndex, historySize, pieces);
  }

  /** A single-shard archive: its local segment indices are the global ones. */
  Piece piece(PieceIndex index) {
    int perSegment = DEV.piecesPerSegment();
    return segments
        .get(Math.toIntExact(index.value() / perSegment))
        .pieces()
        .get((int) (index.value() % perSegment));
  }
}
