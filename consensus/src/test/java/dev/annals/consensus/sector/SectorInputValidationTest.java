package dev.annals.consensus.sector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.primitives.Hash;
import dev.annals.primitives.HistorySize;
import dev.annals.primitives.SectorIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectorInputValidationTest {
  private static final ProtocolParameters DEV = ProtocolParameters.DEV;

  @Test
  void sectorSizeLimitsAreNamed() {
    assertThatThrownBy(() -> new SectorLayout(DEV, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pieces_in_sector")
        .hasMessageContaining("value 0");
    assertThatThrownBy(() -> new SectorLayout(DEV, DEV.maxPiecesInSector() + 1))
        .hasMessageContaining("pieces_in_sector");
    assertThatThrownBy(() -> new SectorPlotter(DEV, 0)).hasMessageContaining("threads");
    assertThatThrownBy(() -> new SectorPlotter(DEV, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads_per_build")
        .hasMessageContaining("value -1");
    SectorId id = SectorId.derive(Hash.ZERO, Hash.ZERO, new SectorIndex(0), HistorySize.ONE);
    List<Piece> none = Collections.emptyList();
    assertThatThrownBy(
            () -> new SectorPlotter(DEV, 1).plot(id, new SectorIndex(0), HistorySize.ONE, none))
        .hasMessageContaining("pieces_in_sector");
  }

  @Test
  void sBucketCountMustBeAPowerOfTwo() {
    SectorSlotChallenge c = new SectorSlotChallenge(Hash.blake3(new byte[] {1}));
    assertThatThrownBy(() -> c.sBucket(300)).hasMessageContaining("num_s_buckets");
    assertThatThrownBy(() -> c.sBucket(1 << 17)).hasMessageContaining("num_s_buckets");
    int full = c.sBucket(65536);
    assertThat(c.sBucket(256)).isEqualTo(full & 255);
  }

  @Test
  void proverRejectsACandidatePastTheS_bucket() {
    DevSectorFixture f = DevSectorFixture.get();
    int s = 0;
    AuditCandidate beyond = new AuditCandidate(s, f.plotted.metadata().sBucketSize(s), 0);
    assertThatThrownBy(
            () ->
                new SectorProver(DEV, 1)
                    .prove(f.plotted.data(), f.plotted.metadata(), f.sectorId, beyond))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no chunk");
  }
}
