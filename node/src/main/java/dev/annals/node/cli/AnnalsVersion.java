package dev.annals.node.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar's manifest at build time. */
final class AnnalsVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = AnnalsVersion.class.getPackage().getImplementationVersion();
    return new String[] {
      "annals " + (version == null ? "development build" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
