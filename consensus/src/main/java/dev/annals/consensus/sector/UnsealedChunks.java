package dev.annals.consensus.sector;

import dev.annals.kernel.pos.PosProofs;

/**
 * A record's chunks as read back from a sector and unmasked: {@code chunks[s]} is extended chunk s
 * (32 bytes) for every s-bucket s that was stored, null for the others.
 */
record UnsealedChunks(byte[][] chunks, PosProofs proofs) {}
