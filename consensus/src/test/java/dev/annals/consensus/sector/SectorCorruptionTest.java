package dev.annals.consensus.sector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SectorCorruptionTest {
  private static final ProtocolParameters DEV = DevSectorFixture.DEV;
  private final DevSectorFixture f = DevSectorFixture.get();
  private final SectorLayout layout = new SectorLayout(DEV, f.pieces.size());
  private final SectorReader reader = new SectorReader(DEV, 1);

  private byte[] flipped(long at) {
    byte[] bytes = f.plotted.bytes().clone();
    bytes[Math.toIntExact(at)] ^= 0x10;
    return bytes;
  }

  private static void expectRegion(ThrowingCallable call, SectorRegion region) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            CorruptSectorException.class, e -> assertThat(e.region()).isEqualTo(region))
        .hasMessageContaining(region.description());
  }

  private void readFails(byte[] bytes, int offset, SectorRegion region) {
    expectRegion(
        () -> reader.readPiece(SectorData.of(bytes), f.plotted.metadata(), f.sectorId, offset),
        region);
    expectRegion(
        () -> new SectorVerifier(DEV).verify(SectorData.of(bytes), f.plotted.metadata()), region);
  }

  @Test
  void contentsMapDamageIsNamed() {
    readFails(flipped(5), 0, SectorRegion.CONTENTS_MAP);
    readFails(flipped(layout.contentsMapSize() - 1), 3, SectorRegion.CONTENTS_MAP);
  }

  @Test
  void chunkDamageFailsTheOwningPieceAndTheSectorChecksum() {
    // The first stored chunk of the sector belongs to the first piece storing s-bucket 0 or later.
    SectorContentsMap map = SectorContentsMap.read(layout, f.plotted.data());
    int s = 0;
    while (f.plotted.metadata().sBucketSize(s) == 0) {
      s++;
    }
    int owner = map.pieceOffsetOf(s, 0);
    byte[] bytes = flipped(layout.chunksOffset() + 3);
    expectRegion(
        () -> reader.readPiece(SectorData.of(bytes), f.plotted.metadata(), f.sectorId, owner),
        SectorRegion.PIECE_CHECKSUM);
    expectRegion(
        () -> new SectorVerifier(DEV).verify(SectorData.of(bytes), f.plotted.metadata()),
        SectorRegion.SECTOR_CHECKSUM);
  }

  @Test
  void recordMetadataDamageIsCaught() {
    int offset = 2;
    // A flipped byte in the segment root keeps the header decodable: the piece checksum catches it.
    byte[] root = flipped(layout.recordMetadataOffset(offset) + 30);
    expectRegion(
        () -> reader.readPiece(SectorData.of(root), f.plotted.metadata(), f.sectorId, offset),
        SectorRegion.PIECE_CHECKSUM);
    // A phantom shard index does not decode.
    byte[] shard = f.plotted.bytes().clone();
    int at = Math.toIntExact(layout.recordMetadataOffset(offset));
    Arrays.fill(shard, at, at + 4, (byte) 0xff);
    expectRegion(
        () -> new SectorVerifier(DEV).verify(SectorData.of(shard), f.plotted.metadata()),
        SectorRegion.RECORD_METADATA);
    // The piece checksum itself.
    byte[] checksum = flipped(layout.recordMetadataOffset(offset) + DEV.pieceHeaderSize() + 1);
    expectRegion(
        () -> reader.readPiece(SectorData.of(checksum), f.plotted.metadata(), f.sectorId, offset),
        SectorRegion.PIECE_CHECKSUM);
  }

  @Test
  void finalChecksumDamageIsCaughtByVerificationOnly() {
    byte[] bytes = flipped(layout.checksumOffset() + 7);
    expectRegion(
        () -> new SectorVerifier(DEV).verify(SectorData.of(bytes), f.plotted.metadata()),
        SectorRegion.SECTOR_CHECKSUM);
    assertThat(
            reader.readPiece(SectorData.of(bytes), f.plotted.metadata(), f.sectorId, 1).encode(DEV))
        .isEqualTo(f.pieces.get(1).encode(DEV));
  }

  @Test
  void wrongSizeIsNamed() {
    byte[] truncated = Arrays.copyOf(f.plotted.bytes(), f.plotted.bytes().length - 1);
    readFails(truncated, 0, SectorRegion.SIZE);
    expectRegion(
        () ->
            new SectorAuditor(DEV)
                .audit(SectorData.of(truncated), f.plotted.metadata(), f.sectorId, Hash.ZERO, -1L),
        SectorRegion.SIZE);
  }

  @Test
  void wrongSectorIdIsRefused() {
    SectorId other =
        SectorId.derive(f.publicKeyHash, f.commitmentsRoot, new SectorIndex(8), f.historySize);
    expectRegion(
        () -> reader.readPiece(f.plotted.data(), f.plotted.metadata(), other, 0),
        SectorRegion.CONTENTS_MAP);
  }

  @Test
  void damagedMetadataIsNamed() {
    byte[] encoded = f.plotted.metadata().encode();
    encoded[10] ^= 1;
    expectRegion(() -> SectorMetadata.decode(encoded, DEV), SectorRegion.SECTOR_METADATA);
    expectRegion(
        () -> SectorMetadata.decode(Arrays.copyOf(encoded, 9), DEV), SectorRegion.SECTOR_METADATA);
    SectorMetadata lying =
        new SectorMetadata(
            f.sectorIndex, f.pieces.size(), new int[DEV.sBuckets()], new HistorySize(6));
    expectRegion(
        () -> new SectorVerifier(DEV).verify(f.plotted.data(), lying),
        SectorRegion.SECTOR_METADATA);
  }

  @Test
  void proverRefusesADamagedWinningChunk() {
    SectorProver prover = new SectorProver(DEV, 1);
    for (byte i = 0; i < 100; i++) {
      Hash challenge = Hash.blake3(new byte[] {i});
      for (AuditCandidate c :
          new SectorAuditor(DEV)
              .audit(f.plotted.data(), f.plotted.metadata(), f.sectorId, challenge, -1L)) {
        try {
          prover.prove(f.plotted.data(), f.plotted.metadata(), f.sectorId, c);
        } catch (IllegalArgumentException filler) {
          continue;
        }
        long chunkAt =
            layout.chunksOffset()
                + (f.plotted.metadata().sBucketOffset(c.sBucket()) + c.chunkOffset()) * 32;
        byte[] bytes = flipped(chunkAt + 31);
        expectRegion(
            () -> prover.prove(SectorData.of(bytes), f.plotted.metadata(), f.sectorId, c),
            SectorRegion.PIECE_CHECKSUM);
        return;
      }
    }
    throw new AssertionError("no provable candidate in 100 challenges");
  }
}
