package dev.annals.consensus.sector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.primitives.segment.Piece;
import org.junit.jupiter.api.Test;

class SectorRoundTripTest {
  private final DevSectorFixture f = DevSectorFixture.get();

  @Test
  void everyPieceReadsBackByteIdentical() {
    SectorReader reader = new SectorReader(DevSectorFixture.DEV, 1);
    for (int offset = 0; offset < f.pieces.size(); offset++) {
      Piece read = reader.readPiece(f.plotted.data(), f.plotted.metadata(), f.sectorId, offset);
      assertThat(read.encode(DevSectorFixture.DEV))
          .as("piece offset %d", offset)
          .isEqualTo(f.pieces.get(offset).encode(DevSectorFixture.DEV));
    }
  }

  @Test
  void sectorHasTheDocumentedSizeAndPassesVerification() {
    SectorLayout layout = new SectorLayout(DevSectorFixture.DEV, f.pieces.size());
    assertThat((long) f.plotted.bytes().length).isEqualTo(layout.sectorSize());
    // contents map + chunks + metadata + checksum, from the preset's sizes
    long expected =
        f.pieces.size() * (DevSectorFixture.DEV.sBuckets() / 8L)
            + 32
            + (long) f.pieces.size() * DevSectorFixture.DEV.recordSize()
            + (long) f.pieces.size() * (DevSectorFixture.DEV.pieceHeaderSize() + 32)
            + 32;
    assertThat(layout.sectorSize()).isEqualTo(expected);
    new SectorVerifier(DevSectorFixture.DEV).verify(f.plotted.data(), f.plotted.metadata());
  }

  @Test
  void oneAndTwoThreadsPlotTheSameBytes() {
    PlottedSector single =
        new SectorPlotter(DevSectorFixture.DEV, 1)
            .plot(f.sectorId, f.sectorIndex, f.historySize, f.pieces);
    assertThat(single.bytes()).isEqualTo(f.plotted.bytes());
    assertThat(single.metadata().encode()).isEqualTo(f.plotted.metadata().encode());
  }

  @Test
  void everyThreadLayoutAndAReusedPlotterPlotTheSameBytes() {
    // workers x threads per build; the plotter keeps its proof-of-space instances between sectors
    int[][] layouts = {{1, 2}, {2, 2}, {3, 1}};
    for (int[] layout : layouts) {
      SectorPlotter plotter = new SectorPlotter(DevSectorFixture.DEV, layout[0], layout[1]);
      for (int round = 0; round < 2; round++) {
        PlottedSector plotted = plotter.plot(f.sectorId, f.sectorIndex, f.historySize, f.pieces);
        assertThat(plotted.bytes())
            .as("%d workers x %d build threads, plot %d", layout[0], layout[1], round)
            .isEqualTo(f.plotted.bytes());
      }
    }
  }

  @Test
  void metadataRoundTrips() {
    byte[] encoded = f.plotted.metadata().encode();
    SectorMetadata decoded = SectorMetadata.decode(encoded, DevSectorFixture.DEV);
    assertThat(decoded.encode()).isEqualTo(encoded);
    assertThat(decoded.historySize()).isEqualTo(f.historySize);
    assertThat(decoded.sectorIndex()).isEqualTo(f.sectorIndex);
    assertThat(decoded.pieces()).isEqualTo(f.pieces.size());
  }
}
