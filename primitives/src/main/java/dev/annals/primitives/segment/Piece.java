package dev.annals.primitives.segment;

import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.codec.DecodeException;
import dev.annals.primitives.params.ProtocolParameters;

/** A piece: its header then its record, {@code piece size} bytes in all. */
public record Piece(PieceHeader header, Record record) {
  public Piece {
    if (header == null || record == null) {
      throw new IllegalArgumentException("piece: header and record must be set (value null)");
    }
  }

  public byte[] encode(ProtocolParameters params) {
    if (record.size() != params.recordSize()) {
      throw new IllegalArgumentException(
          "piece.record: must be " + params.recordSize() + " bytes (value " + record.size() + ")");
    }
    byte[] out = new byte[params.pieceSize()];
    ByteWriter w = new ByteWriter(params.pieceHeaderSize());
    header.encodeTo(w, params);
    System.arraycopy(w.toByteArray(), 0, out, 0, params.pieceHeaderSize());
    record.copyTo(out, params.pieceHeaderSize());
    return out;
  }

  public static Piece decode(byte[] bytes, ProtocolParameters params) {
    if (bytes.length != params.pieceSize()) {
      throw new DecodeException(
          "piece",
          bytes.length + " bytes",
          "must be " + params.pieceSize() + " bytes in preset " + params.name());
    }
    ByteReader r = new ByteReader(bytes, 0, params.pieceHeaderSize());
    PieceHeader header = PieceHeader.decodeFrom(r, params);
    r.expectEnd("piece_header");
    byte[] record = new byte[params.recordSize()];
    System.arraycopy(bytes, params.pieceHeaderSize(), record, 0, record.length);
    return new Piece(header, Record.wrap(record, params));
  }
}
