package dev.annals.archiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One full production segment (128 MiB of blocks), end to end: archive, verify, recover. */
@Tag("slow")
class ProductionSegmentTest {
  private static final ProtocolParameters PRODUCTION = ProtocolParameters.PRODUCTION;

  @Test
  void oneProductionSegmentArchivesVerifiesAndRecovers() {
    ShardIndex shard = ShardIndex.BEACON;
    Random random = new Random(2026);
    byte[] block = new byte[16 << 20];
    List<ArchivedSegment> segments;
    try (ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors())) {
      SegmentArchiver archiver = SegmentArchiver.create(PRODUCTION, shard, pool);
      segments = List.of();
      for (int i = 0; i < 9 && segments.isEmpty(); i++) {
        random.nextBytes(block);
        segments = archiver.addBlock(block.clone());
      }
    }
    assertThat(segments).hasSize(1);
    ArchivedSegment segment = segments.getFirst();
    assertThat(segment.pieces()).hasSize(256);
    assertThat(segment.pieces().getFirst().encode(PRODUCTION)).hasSize(1_049_560);
    assertThat(segment.header().lastArchivedBlock().number().value()).isEqualTo(7);

    PieceVerifier verifier = new PieceVerifier(PRODUCTION);
    for (int p : new int[] {0, 127, 128, 255}) {
      assertThat(
              verifier.firstFailure(
                  segment.pieces().get(p), p, segment.header().root(), shard, null))
          .as("piece %d", p)
          .isEmpty();
    }

    Piece[] half = new Piece[256];
    for (int p = 1; p < 256; p += 2) {
      half[p] = segment.pieces().get(p);
    }
    Piece rebuilt = new PieceReconstructor(PRODUCTION).reconstruct(half, 0);
    assertThat(rebuilt.encode(PRODUCTION))
        .isEqualTo(segment.pieces().getFirst().encode(PRODUCTION));
  }
}
