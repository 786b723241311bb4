package dev.annals.supersegment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.annals.archiver.ArchivedSegment;
import dev.annals.archiver.SegmentArchiver;
import dev.annals.primitives.BlockNumber;
import dev.annals.primitives.Hash;
import dev.annals.primitives.LocalSegmentIndex;
import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.PiecePosition;
import dev.annals.primitives.SegmentPosition;
import dev.annals.primitives.ShardIndex;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.PieceHeader;
import dev.annals.primitives.segment.Record;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archiver → super segments → landing → light client, on the beacon chain and two shards. */
class EndToEndTest {
  private static final ProtocolParameters DEV = ProtocolParameters.DEV;
  private static final ShardIndex INTERMEDIATE = ShardIndex.intermediate(1);
  private static final ShardIndex LEAF = ShardIndex.leaf(INTERMEDIATE, 1);

  private static final List<SuperSegment> superSegments = new ArrayList<>();

  /** Every landed piece by its global index. */
  private static final Map<Long, Piece> landed = new LinkedHashMap<>();

  /** The archiver's pieces (super segment fields still zero) by global index. */
  private static final Map<Long, Piece> unlanded = new HashMap<>();

  @TempDir Path dir;

  @BeforeAll
  static void archiveAndLand() {
    Random random = new Random(51);
    Map<ShardIndex, List<ArchivedSegment>> archived = new LinkedHashMap<>();
    for (ShardIndex shard : List.of(ShardIndex.BEACON, INTERMEDIATE, LEAF)) {
      SegmentArchiver archiver = SegmentArchiver.create(DEV, shard, null);
      List<ArchivedSegment> segments = new ArrayList<>();
      while (segments.size() < 3) {
        byte[] block = new byte[1 + random.nextInt(6000)];
        random.nextBytes(block);
        segments.addAll(archiver.addBlock(block));
      }
      archived.put(shard, segments);
    }
    SuperSegment first =
        SuperSegment.first(new BlockNumber(1), root(archived, ShardIndex.BEACON, 0));
    SuperSegment second =
        SuperSegment.next(
            first.header(),
            new BlockNumber(5),
            List.of(
                root(archived, INTERMEDIATE, 0),
                root(archived, LEAF, 0),
                root(archived, ShardIndex.BEACON, 1)));
    SuperSegment third =
        SuperSegment.next(
            second.header(),
            new BlockNumber(6),
            List.of(
                root(archived, LEAF, 1),
                root(archived, ShardIndex.BEACON, 2),
                root(archived, INTERMEDIATE, 1),
                root(archived, INTERMEDIATE, 2),
                root(archived, LEAF, 2)));
    superSegments.addAll(List.of(first, second, third));
    for (SuperSegment s : superSegments) {
      for (int p = 0; p < s.segmentCount(); p++) {
        ShardSegmentRoot seg = s.segmentAt(new SegmentPosition(p));
        List<Piece> pieces = archived.get(seg.shard()).get((int) seg.localIndex().value()).pieces();
        List<Piece> landedPieces = SegmentLanding.landAll(pieces, s, DEV);
        long global = s.globalSegmentIndex(new SegmentPosition(p)).value();
        for (int q = 0; q < pieces.size(); q++) {
          long index = global * DEV.piecesPerSegment() + q;
          landed.put(index, landedPieces.get(q));
          unlanded.put(index, pieces.get(q));
        }
      }
    }
  }

  private static ShardSegmentRoot root(
      Map<ShardIndex, List<ArchivedSegment>> archived, ShardIndex shard, int local) {
    ArchivedSegment segment = archived.get(shard).get(local);
    assertThat(segment.header().index().value()).isEqualTo(local);
    return new ShardSegmentRoot(shard, new LocalSegmentIndex(local), segment.header().root());
  }

  private static LightClient client() {
    LightClient client = new LightClient(DEV);
    client.acceptHeaders(superSegments.stream().map(SuperSegment::header).toList());
    return client;
  }

  @Test
  void everyLandedPieceVerifiesUnderItsGlobalIndexAndFromItsBytes() {
    LightClient client = client();
    assertThat(landed).hasSize(9 * DEV.piecesPerSegment());
    for (Map.Entry<Long, Piece> e : landed.entrySet()) {
      PieceIndex index = new PieceIndex(e.getKey());
      assertThat(client.verify(e.getValue(), index)).as("piece %d", e.getKey()).isEmpty();
      PieceLocation at = client.locate(index);
      assertThat(at.segment().superSegment()).isEqualTo(e.getValue().header().superSegmentIndex());
      assertThat(at.segment().position()).isEqualTo(e.getValue().header().segmentPosition());
    }
    Piece sample = landed.get(7L * DEV.piecesPerSegment() + 3);
    assertThat(client.verify(sample.encode(DEV), new PieceIndex(7L * DEV.piecesPerSegment() + 3)))
        .isEmpty();
  }

  @Test
  void aGenuinePieceUnderAnyOtherGlobalIndexIsRejected() {
    LightClient client = client();
    Random random = new Random(52);
    List<Long> indices = new ArrayList<>(landed.keySet());
    for (int k = 0; k < 300; k++) {
      long asked = indices.get(random.nextInt(indices.size()));
      long actual = indices.get(random.nextInt(indices.size()));
      if (asked == actual) {
        continue;
      }
      assertThat(client.verify(landed.get(actual), new PieceIndex(asked)))
          .as("piece %d asked as %d", actual, asked)
          .isPresent();
    }
    int pps = DEV.piecesPerSegment();
    long inSecond = 1L * pps + 2; // global segment 1: super segment 1, position 0
    assertThat(check(client, landed.get(inSecond), inSecond + 1))
        .isEqualTo(FullPieceCheck.RECORD_PROOF);
    // Global segment 2 is position 1 of the same super segment.
    assertThat(check(client, landed.get(inSecond), inSecond + pps))
        .isEqualTo(FullPieceCheck.SEGMENT_POSITION);
    // Global segment 4 is in super segment 2.
    assertThat(check(client, landed.get(inSecond), inSecond + 3L * pps))
        .isEqualTo(FullPieceCheck.SUPER_SEGMENT_INDEX);
  }

  @Test
  void forgedAndDamagedPiecesFailTheRightCheck() {
    LightClient client = client();
    long index = 5L * DEV.piecesPerSegment() + 9; // super segment 2, position 1
    Piece genuine = landed.get(index);
    PieceHeader h = genuine.header();
    assertThat(check(client, unlanded.get(index), index))
        .isEqualTo(FullPieceCheck.SUPER_SEGMENT_INDEX);

    assertThat(
            check(
                client,
                withHeader(
                    genuine,
                    h.shardIndex().equals(LEAF) ? INTERMEDIATE : LEAF,
                    h.localSegmentIndex(),
                    h.segmentProof()),
                index))
        .isEqualTo(FullPieceCheck.SEGMENT_PROOF);
    assertThat(
            check(
                client,
                withHeader(genuine, h.shardIndex(), h.localSegmentIndex().next(), h.segmentProof()),
                index))
        .isEqualTo(FullPieceCheck.SEGMENT_PROOF);

    List<Hash> proof = new ArrayList<>(h.segmentProof());
    int used = SegmentProofs.usedLength(proof);
    assertThat(used).isEqualTo(3);
    List<Hash> flipped = new ArrayList<>(proof);
    byte[] b = flipped.get(1).toBytes();
    b[0] ^= 1;
    flipped.set(1, Hash.wrap(b));
    assertThat(
            check(
                client, withHeader(genuine, h.shardIndex(), h.localSegmentIndex(), flipped), index))
        .isEqualTo(FullPieceCheck.SEGMENT_PROOF);
    List<Hash> cut = new ArrayList<>(proof);
    cut.set(used - 1, Hash.ZERO);
    assertThat(
            check(client, withHeader(genuine, h.shardIndex(), h.localSegmentIndex(), cut), index))
        .isEqualTo(FullPieceCheck.SEGMENT_PROOF_LENGTH);
    List<Hash> dirtyTail = new ArrayList<>(proof);
    dirtyTail.set(10, proof.getFirst());
    assertThat(
            check(
                client,
                withHeader(genuine, h.shardIndex(), h.localSegmentIndex(), dirtyTail),
                index))
        .isEqualTo(FullPieceCheck.SEGMENT_PROOF_LENGTH);

    byte[] record = genuine.record().toBytes();
    record[100] ^= 0x40;
    Piece damaged = new Piece(h, Record.wrap(record, DEV));
    Optional<PieceFailure> failure = client.verify(damaged, new PieceIndex(index));
    assertThat(failure).map(PieceFailure::check).contains(FullPieceCheck.RECORD_PROOF);
    assertThat(failure.get().toString()).startsWith("record_proof: ").contains("piece position 9");
  }

  @Test
  void badInputIsAClearErrorAndChangesNothing() {
    LightClient client = client();
    long known = 9L * DEV.piecesPerSegment();
    Piece piece = landed.get(0L);
    assertThatThrownBy(() -> client.verify(piece, new PieceIndex(known)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beyond the known history")
        .hasMessageContaining("value " + known);
    assertThatThrownBy(
            () ->
                client.verify(new byte[ProtocolParameters.PRODUCTION.pieceSize()], PieceIndex.ZERO))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("preset dev");
    LightClient production = new LightClient(ProtocolParameters.PRODUCTION);
    assertThatThrownBy(() -> production.verify(piece, PieceIndex.ZERO))
        .hasMessageContaining("not a piece of preset production");

    SuperSegmentHeader lastBefore = client.chain().lastHeader().orElseThrow();
    assertThatThrownBy(() -> client.acceptHeader(superSegments.get(1).header()))
        .hasMessageContaining("rejected: index");
    assertThat(client.chain().lastHeader()).contains(lastBefore);
    assertThat(client.verify(piece, PieceIndex.ZERO)).isEmpty();
  }

  @Test
  void theHeadersFileLoadsAllOrNothing() throws IOException {
    List<SuperSegmentHeader> headers = superSegments.stream().map(SuperSegment::header).toList();
    Path file = dir.resolve("super-segments.bin");
    SuperSegmentHeadersFile.write(file, DEV, headers);
    assertThat(Files.size(file))
        .isEqualTo(SuperSegmentHeadersFile.PREFIX_SIZE + 3L * SuperSegmentHeader.SIZE);
    LightClient client = new LightClient(DEV);
    client.acceptHeadersFile(file);
    assertThat(client.chain().size()).isEqualTo(3);
    long index = 8L * DEV.piecesPerSegment() + 15;
    assertThat(client.verify(landed.get(index), new PieceIndex(index))).isEmpty();

    assertThatThrownBy(() -> client.acceptHeadersFile(file))
        .hasMessageContaining("rejected: index");
    assertThat(client.chain().size()).isEqualTo(3);

    LightClient production = new LightClient(ProtocolParameters.PRODUCTION);
    assertThatThrownBy(() -> production.acceptHeadersFile(file))
        .hasMessageContaining("another preset than production");
    assertThat(production.chain().isEmpty()).isTrue();

    Path cut = dir.resolve("cut.bin");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 1));
    LightClient fresh = new LightClient(DEV);
    assertThatThrownBy(() -> fresh.acceptHeadersFile(cut))
        .hasMessageContaining("announces 3 headers");
    assertThat(fresh.chain().isEmpty()).isTrue();

    Path broken = dir.resolve("broken.bin");
    byte[] brokenBytes = bytes.clone();
    // The third header's previous hash: the first two load, then the whole file is refused.
    brokenBytes[SuperSegmentHeadersFile.PREFIX_SIZE + 2 * SuperSegmentHeader.SIZE + 40] ^= 1;
    Files.write(broken, brokenBytes);
    assertThatThrownBy(() -> fresh.acceptHeadersFile(broken))
        .hasMessageContaining("super segment header 2 rejected: prev_super_segment_header_hash");
    assertThat(fresh.chain().isEmpty()).isTrue();

    Path notOurs = dir.resolve("not-ours.bin");
    Files.write(notOurs, new byte[100]);
    assertThatThrownBy(() -> fresh.acceptHeadersFile(notOurs)).hasMessageContaining("magic");
  }

  @Test
  void landingRefusesPiecesOfAnotherSegment() {
    SuperSegment second = superSegments.get(1);
    Piece foreign = unlanded.get(5L * DEV.piecesPerSegment()); // lies in super segment 2
    assertThatThrownBy(() -> SegmentLanding.land(foreign, second, DEV))
        .hasMessageContaining("does not hold segment");
    Piece ours = unlanded.get(1L * DEV.piecesPerSegment());
    Piece mixed = unlanded.get(2L * DEV.piecesPerSegment());
    assertThatThrownBy(() -> SegmentLanding.landAll(List.of(ours, mixed), second, DEV))
        .hasMessageContaining("does not belong to segment");
    Piece landedOne = SegmentLanding.land(ours, second, DEV);
    assertThat(landedOne.header().superSegmentIndex().value()).isEqualTo(1);
    assertThat(landedOne.header().segmentPosition().value()).isZero();
    assertThat(landedOne.header().segmentProof())
        .isEqualTo(second.storedProof(SegmentPosition.ZERO, DEV));
    assertThat(PieceNumbering.positionOf(new PieceIndex(1L * DEV.piecesPerSegment()), DEV))
        .isEqualTo(new PiecePosition(0));
  }

  private static FullPieceCheck check(LightClient client, Piece piece, long index) {
    return client.verify(piece, new PieceIndex(index)).orElseThrow().check();
  }

  private static Piece withHeader(
      Piece piece, ShardIndex shard, LocalSegmentIndex local, List<Hash> proof) {
    PieceHeader h = piece.header();
    return new Piece(
        new PieceHeader(
            shard,
            local,
            h.superSegmentIndex(),
            h.segmentPosition(),
            h.segmentRoot(),
            proof,
            h.parityChunksRoot(),
            h.recordProof()),
        piece.record());
  }
}
