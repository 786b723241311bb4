package dev.annals.node.cli;

import dev.annals.kernel.pos.PosParameters;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by the {@code debug pos} commands. */
final class PosOptions {
  @Option(names = "--k", required = true, description = "Table size exponent (12..25).")
  int k;

  @Option(
      names = "--seed",
      required = true,
      converter = HexConverter.class,
      description = "32-byte PoS seed, hex.")
  HexConverter.Hex seed;

  @Option(names = "--s-bucket", required = true, description = "The s-bucket index.")
  int sBucket;

  @Option(
      names = "--s-buckets",
      description =
          "s-buckets per record (default 65536 for k >= 16 as in production, else 256 as on dev"
              + " chains).")
  Integer numSBuckets;

  /** The table shape, or a parameter error (exit 2) naming the bad value. */
  PosParameters parameters(CommandLine commandLine) {
    int buckets =
        numSBuckets != null
            ? numSBuckets
            : k >= 16 ? PosParameters.PRODUCTION.numSBuckets() : PosParameters.DEV.numSBuckets();
    try {
      PosParameters params = new PosParameters(k, buckets);
      params.checkSBucket(sBucket);
      HexConverter.requireLength(commandLine, "--seed", seed, 32);
      return params;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }
}
