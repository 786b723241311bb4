package dev.annals.supersegment;

import dev.annals.primitives.PieceIndex;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.segment.Piece;
import dev.annals.primitives.segment.SuperSegmentHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A light client: it holds super segment roots (checked header by header) and nothing else, and
 * verifies any piece it is handed as the piece with a given global index.
 *
 * <pre>{@code
 * LightClient client = new LightClient(ProtocolParameters.PRODUCTION);
 * client.acceptHeaders(headersFromTheBeaconChain);
 * Optional<PieceFailure> failure = client.verify(pieceBytes, new PieceIndex(12345));
 * }</pre>
 */
public final class LightClient {
  private final ProtocolParameters params;
  private final SuperSegmentChain chain = new SuperSegmentChain();
  private final FullPieceVerifier verifier;

  public LightClient(ProtocolParameters params) {
    if (params == null) {
      throw new IllegalArgumentException("light client: preset must be set (value null)");
    }
    this.params = params;
    this.verifier = new FullPieceVerifier(params, chain);
  }

  public ProtocolParameters params() {
    return params;
  }

  /** The roots held so far; read-only use expected. */
  public SuperSegmentChain chain() {
    return chain;
  }

  /** Appends the next header; one that does not follow is rejected and changes nothing. */
  public void acceptHeader(SuperSegmentHeader header) {
    chain.append(header);
  }

  /** Appends headers in order, all or none. */
  public void acceptHeaders(List<SuperSegmentHeader> headers) {
    chain.appendAll(headers);
  }

  /** Appends the headers of a file in the {@link SuperSegmentHeadersFile} format, all or none. */
  public void acceptHeadersFile(Path file) throws IOException {
    SuperSegmentHeadersFile.loadInto(file, params, chain);
  }

  /** Where piece {@code index} sits; throws when it is beyond the known history. */
  public PieceLocation locate(PieceIndex index) {
    return chain.locate(index, params);
  }

  /** The first failing check of {@code piece} as piece {@code index}, or empty when it is valid. */
  public Optional<PieceFailure> verify(Piece piece, PieceIndex index) {
    return verifier.firstFailure(piece, index);
  }

  /** As {@link #verify(Piece, PieceIndex)}, decoding the piece's bytes under this preset first. */
  public Optional<PieceFailure> verify(byte[] pieceBytes, PieceIndex index) {
    return verify(Piece.decode(pieceBytes, params), index);
  }
}
