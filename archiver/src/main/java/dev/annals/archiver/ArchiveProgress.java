package dev.annals.archiver;

/**
 * How far the archiver has got: the number of the last block whose bytes went into a segment and
 * how many of its bytes did ({@code 0} means all of them).
 */
public record ArchiveProgress(long blockNumber, int archivedBytes) {
  public ArchiveProgress {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("block number must be >= 0, got " + blockNumber);
    }
    if (archivedBytes < 0) {
      throw new IllegalArgumentException("archived bytes must be >= 0, got " + archivedBytes);
    }
  }

  public boolean isComplete() {
    return archivedBytes == 0;
  }
}
