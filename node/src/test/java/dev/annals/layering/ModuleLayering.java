package dev.annals.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency arrows of DESIGN.md as ArchUnit rules. Each module is a root package; a module may
 * use the modules upstream of it and nothing else. Only {@code node} may touch the storage engine
 * and the network stack, and inside it only its storage package touches RocksDB.
 */
final class ModuleLayering {
  /** Module name to root package. */
  static final Map<String, String> PACKAGES = new LinkedHashMap<>();

  /** Module name to the modules it may use (besides itself). */
  static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  private static final Set<String> STORAGE_AND_NETWORK = Set.of("org.rocksdb..", "io.netty..");

  static {
    PACKAGES.put("native", "dev.annals.kernel");
    PACKAGES.put("primitives", "dev.annals.primitives");
    PACKAGES.put("archiver", "dev.annals.archiver");
    PACKAGES.put("super-segment", "dev.annals.supersegment");
    PACKAGES.put("consensus", "dev.annals.consensus");
    PACKAGES.put("block-producer", "dev.annals.blockproducer");
    PACKAGES.put("genesis", "dev.annals.genesis");
    PACKAGES.put("farmer", "dev.annals.farmer");
    PACKAGES.put("node", "dev.annals.node");

    Set<String> upToConsensus = Set.of("native", "primitives", "archiver", "super-segment");
    ALLOWED.put("native", Set.of());
    ALLOWED.put("primitives", Set.of("native"));
    ALLOWED.put("archiver", Set.of("native", "primitives"));
    ALLOWED.put("super-segment", Set.of("native", "primitives", "archiver"));
    ALLOWED.put("consensus", upToConsensus);
    Set<String> consensusAndBelow = union(upToConsensus, Set.of("consensus"));
    ALLOWED.put("block-producer", consensusAndBelow);
    ALLOWED.put("genesis", consensusAndBelow);
    ALLOWED.put("farmer", consensusAndBelow);
    ALLOWED.put("node", union(consensusAndBelow, Set.of("block-producer", "genesis", "farmer")));
  }

  private ModuleLayering() {}

  /** All the rules as one, so a failure lists every violation at once. */
  static ArchRule rules() {
    List<ArchRule> rules = new ArrayList<>();
    for (String module : PACKAGES.keySet()) {
      List<String> forbidden = new ArrayList<>();
      for (String other : PACKAGES.keySet()) {
        if (!other.equals(module) && !ALLOWED.get(module).contains(other)) {
          forbidden.add(PACKAGES.get(other) + "..");
        }
      }
      if (!module.equals("node")) {
        forbidden.addAll(STORAGE_AND_NETWORK);
      }
      if (forbidden.isEmpty()) {
        continue;
      }
      rules.add(
          noClasses()
              .that()
              .resideInAPackage(PACKAGES.get(module) + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(forbidden.toArray(String[]::new))
              .as("module " + module + " uses only " + describeAllowed(module))
              .allowEmptyShould(true));
    }
    // Inside node, RocksDB stays behind the storage package: the rest of the node sees typed
    // columns, transactions and storage exceptions, never RocksDB types.
    rules.add(
        noClasses()
            .that()
            .resideInAPackage("dev.annals.node..")
            .and()
            .resideOutsideOfPackage("dev.annals.node.storage..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.rocksdb..")
            .as("only dev.annals.node.storage uses RocksDB")
            .allowEmptyShould(true));
    return CompositeArchRule.of(rules);
  }

  private static String describeAllowed(String module) {
    Set<String> allowed = ALLOWED.get(module);
    return allowed.isEmpty() ? "itself" : "itself and " + String.join(", ", allowed);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    var result = new java.util.LinkedHashSet<>(a);
    result.addAll(b);
    return Set.copyOf(result);
  }
}
