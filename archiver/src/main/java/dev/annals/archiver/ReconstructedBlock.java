package dev.annals.archiver;

/** A block read back out of archived segments, with the number the archiver gave it. */
public record ReconstructedBlock(long number, byte[] bytes) {}
