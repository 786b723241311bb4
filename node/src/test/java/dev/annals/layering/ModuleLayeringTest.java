package dev.annals.layering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.annals.primitives.layeringfixture.PrimitiveThatReachesIntoNode;
import org.junit.jupiter.api.Test;

class ModuleLayeringTest {
  @Test
  void productionCodeKeepsToTheModuleArrows() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.annals");
    // Upstream modules arrive as jars in a reactor build: they must be part of the check.
    assertThat(classes.contain("dev.annals.kernel.Kernels")).as("native module imported").isTrue();
    assertThat(classes.contain("dev.annals.node.cli.AnnalsMain"))
        .as("node module imported")
        .isTrue();
    ModuleLayering.rules().check(classes);
  }

  @Test
  void aClassThatBreaksAnArrowIsReported() {
    JavaClasses fixture = new ClassFileImporter().importClasses(PrimitiveThatReachesIntoNode.class);
    assertThatThrownBy(() -> ModuleLayering.rules().check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("module primitives uses only itself and native")
        .hasMessageContaining("dev.annals.node.cli.AnnalsMain");
  }

  @Test
  void everyModuleHasItsAllowedSet() {
    assertThat(ModuleLayering.ALLOWED.keySet()).isEqualTo(ModuleLayering.PACKAGES.keySet());
  }
}
