package org.openamr.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server's structure, checked on its compiled main classes: the rules reviews kept asking for, so
 * that a change breaking them fails the build instead of waiting for the next review.
 */
@AnalyzeClasses(packages = "org.openamr.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Feature packages (meter, point, ingest, web, …) depend on each other one way only, so that each can
     * be read, tested and changed from the bottom up.
     */
    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("org.openamr.server.(*)..")
            .should().beFreeOfCycles();

    /** Controllers stay thin: SQL lives in repositories, reached through services. */
    @ArchTest
    static final ArchRule controllersRunNoSql = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat()
            .belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
            .because("controllers call services; only repositories run SQL");

    /** Services hold the rules and reach the database through their repositories, so each query has one home. */
    @ArchTest
    static final ArchRule servicesRunNoSql = noClasses().that().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat()
            .belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
            .because("a service's SQL lives in its repository");

    /**
     * The simulator and the demo are test and showcase code that depend on the server, never the other way:
     * a server built for production must not need them on its class path.
     */
    @ArchTest
    static final ArchRule serverNeedsNeitherSimulatorNorDemo = noClasses().that()
            .resideInAPackage("org.openamr.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openamr.simulator..", "org.openamr.demo..")
            .because("the simulator and the demo build on the server, not the server on them");
}
