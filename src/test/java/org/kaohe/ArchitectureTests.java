package org.kaohe;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of STYLE.md, checked rather than remembered. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.kaohe");

	@Test
	void onlyTheEnginePackageImportsDrools() {
		noClasses().that()
			.resideOutsideOfPackage("org.kaohe.engine..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.kie..", "org.drools..", "org.mvel2..")
			.check(CLASSES);
	}

	@Test
	void theVocabularyRuleFilesImportKnowsNothingOfSpringOrDrools() {
		noClasses().that()
			.resideInAnyPackage("org.kaohe.facts..", "org.kaohe.outcome..", "org.kaohe.rules..", "org.kaohe.ranking..",
					"org.kaohe.engine..", "org.kaohe.ingest..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..")
			.check(CLASSES);
	}

	@Test
	void factsDependOnNothingElseOfKaohe() {
		noClasses().that()
			.resideInAPackage("org.kaohe.facts..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.kaohe.outcome..", "org.kaohe.rules..", "org.kaohe.engine..", "org.kaohe.evaluation..",
					"org.kaohe.api..", "org.kaohe.ingest..")
			.check(CLASSES);
	}

	@Test
	void theEngineDoesNotReachIntoTheServiceLayers() {
		noClasses().that()
			.resideInAPackage("org.kaohe.engine..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.kaohe.evaluation..", "org.kaohe.api..", "org.kaohe.system..", "org.kaohe.ruleset..",
					"org.kaohe.cli..")
			.check(CLASSES);
	}

	@Test
	void controllersArePackagePrivateAndNothingCallsThem() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(CLASSES);
		noClasses().that()
			.resideInAnyPackage("org.kaohe.history..", "org.kaohe.evaluation..", "org.kaohe.ingest..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.kaohe.api..")
			.check(CLASSES);
	}

	@Test
	void storedFactsDoNotReachIntoEvaluation() {
		noClasses().that()
			.resideInAnyPackage("org.kaohe.history..", "org.kaohe.ingest..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.kaohe.evaluation..")
			.check(CLASSES);
	}

}
