package dev.annals.consensus.sector;

/**
 * A stored chunk of the audited s-bucket whose distance is within half the solution range.
 *
 * @param sBucket the audited s-bucket
 * @param chunkOffset the chunk's position within the s-bucket (the n-th piece storing s)
 * @param distance the solution distance (u64; compare unsigned)
 */
public record AuditCandidate(int sBucket, int chunkOffset, long distance) {}
