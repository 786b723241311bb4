package dev.annals.primitives.block;

import dev.annals.primitives.Bytes;
import dev.annals.primitives.Hash;
import dev.annals.primitives.Slot;
import dev.annals.primitives.codec.ByteReader;
import dev.annals.primitives.codec.ByteWriter;
import dev.annals.primitives.params.ProtocolParameters;
import dev.annals.primitives.solution.Solution;

/**
 * Slot u64, proof of time (16 bytes), future proof of time (16 bytes), solution. 2480 bytes in
 * production, 1712 in dev.
 */
public record ConsensusInfo(
    Slot slot, Bytes proofOfTime, Bytes futureProofOfTime, Solution solution) {
  public static final int POT_OUTPUT_SIZE = 16;

  public ConsensusInfo {
    if (slot == null || proofOfTime == null || futureProofOfTime == null || solution == null) {
      throw new IllegalArgumentException("consensus_info: every field must be set (value null)");
    }
    proofOfTime.requireLength("consensus_info.proof_of_time", POT_OUTPUT_SIZE);
    futureProofOfTime.requireLength("consensus_info.future_proof_of_time", POT_OUTPUT_SIZE);
  }

  void encodeTo(ByteWriter w, ProtocolParameters params) {
    w.u64(slot.value()).bytes(proofOfTime).bytes(futureProofOfTime);
    solution.encodeTo(w, params);
  }

  static ConsensusInfo decodeFrom(ByteReader r, ProtocolParameters params) {
    long slot = r.u64("slot");
    Bytes pot = r.fixed("proof_of_time", POT_OUTPUT_SIZE);
    Bytes future = r.fixed("future_proof_of_time", POT_OUTPUT_SIZE);
    String outer = r.scope(r.field("solution."));
    Solution solution = Solution.decodeFrom(r, params);
    r.scope(outer);
    return new ConsensusInfo(new Slot(slot), pot, future, solution);
  }

  public Hash hash(ProtocolParameters params) {
    ByteWriter w = new ByteWriter(params.consensusInfoSize());
    encodeTo(w, params);
    return Hash.blake3(w.toByteArray());
  }
}
