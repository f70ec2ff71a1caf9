package org.bart.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package boundaries of docs/architecture.md, checked on the compiled classes of
 * all three modules (this module's test class path holds them all): no package cycle, the
 * plugin free of tools and test code, the core free of Hadoop and of any CLI library.
 */
class ArchitectureTest {

  /** Packages of bart-hdfs-plugin: what loads into NameNode, DataNode and client JVMs. */
  private static final String[] PLUGIN = {"org.bart.namenode..", "org.bart.datanode..",
      "org.bart.client..", "org.bart.protocol..", "org.bart.conf..", "org.bart.report..",
      "org.bart.hadoop.."};
  /** Packages of bart-tools. */
  private static final String[] TOOLS = {"org.bart.cli..", "org.bart.admin..",
      "org.bart.demo..", "org.bart.bench.."};
  /** Packages of bart-core. */
  private static final String[] CORE = {"org.bart.plan..", "org.bart.codec.."};

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("org.bart");
  }

  @Test
  void importsEveryModule() {
    // A rule over an empty or partial import would pass vacuously.
    for (String c : new String[] {"org.bart.plan.approach.Approach", "org.bart.codec.WideCode",
        "org.bart.namenode.BartNameNodePlugin", "org.bart.datanode.BartDataNodePlugin",
        "org.bart.cli.BartMain", "org.bart.demo.EmbeddedCluster"}) {
      classes.get(c);
    }
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.bart.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void pluginDependsOnNoToolsCode() {
    noClasses().that().resideInAnyPackage(PLUGIN)
        .should().dependOnClassesThat().resideInAnyPackage(TOOLS)
        .check(classes);
  }

  @Test
  void pluginDependsOnNoTestCode() {
    noClasses().that().resideInAnyPackage(PLUGIN)
        .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "junit..",
            "org.mockito..", "picocli..")
        .orShould().dependOnClassesThat().haveSimpleNameStartingWith("MiniDFS")
        .check(classes);
  }

  @Test
  void coreIsPureMath() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.hadoop..", "picocli..")
        .orShould().dependOnClassesThat().resideInAnyPackage(PLUGIN)
        .orShould().dependOnClassesThat().resideInAnyPackage(TOOLS)
        .check(classes);
  }
}
