package org.kaohe.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import org.kaohe.rules.BasisCatalogue;
import org.kaohe.rules.ChecklistProfiles;
import org.kaohe.rules.ParameterFile;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RuleSource;
import org.kaohe.rules.RulesetInvalidException;

/**
 * Turns a {@link RuleSource} into a {@link Ruleset}, or refuses it with every problem located.
 *
 * <p>It uses the {@code KnowledgeBuilder} path rather than {@code KieBuilder}: nothing is registered
 * in the global {@code KieRepository}, so a replaced ruleset is garbage once unreferenced (the leak of
 * anchors.md §4.2 cannot happen). Resources are decoded explicitly as UTF-8 whatever the JVM's
 * default charset, so Chinese rule names survive on a GBK machine (drools-notes gotcha 1).
 */
final class RulesetCompiler {

	private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern MVEL_POSITION = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)\\]");

	private RulesetCompiler() {
	}

	static Ruleset compile(RuleSource source) {
		Attempt attempt = attempt(source, java.util.Set.of());
		if (!attempt.problems().isEmpty()) {
			throw new RulesetInvalidException(attempt.problems());
		}
		return attempt.ruleset();
	}

	/**
	 * Compiles what can be compiled and reports every problem, for the checks before activation: the
	 * ruleset is built whenever the DRL compiles, even if its metadata or parameters have problems, so
	 * scenarios can still be run against it.
	 *
	 * @param excluded files left out of the build (files the guard refused must never be run)
	 */
	static Attempt attempt(RuleSource source, java.util.Set<String> excluded) {
		List<RuleProblem> problems = new ArrayList<>();

		String checklistText = source.text(ChecklistProfiles.FILE);
		if (checklistText == null) {
			problems.add(new RuleProblem(ChecklistProfiles.FILE, 0, 0, "MISSING_FILE",
					"缺少检查清单文件 / missing checklist profiles file " + ChecklistProfiles.FILE));
			checklistText = "profiles: {}";
		}
		ChecklistProfiles checklists = ChecklistProfiles.parse(checklistText, problems);
		String parameterText = source.text(ParameterFile.FILE);
		if (parameterText == null) {
			problems.add(new RuleProblem(ParameterFile.FILE, 0, 0, "MISSING_FILE",
					"缺少参数文件 / missing parameter file " + ParameterFile.FILE));
			parameterText = "definitions: {}\nversions: []";
		}
		ParameterFile parameters = ParameterFile.parse(parameterText, checklists, problems);
		String basisText = source.text(BasisCatalogue.FILE);
		BasisCatalogue basis = (basisText != null) ? BasisCatalogue.parse(basisText, problems) : BasisCatalogue.empty();

		KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
		Map<String, RuleLocation> locations = new HashMap<>();
		int ruleFiles = 0;
		for (Map.Entry<String, byte[]> file : source.files().entrySet()) {
			String path = file.getKey();
			if (excluded.contains(path)) {
				continue;
			}
			String lower = path.toLowerCase(Locale.ROOT);
			if (lower.endsWith(".drl")) {
				ruleFiles++;
				String text = new String(file.getValue(), StandardCharsets.UTF_8);
				locate(path, text, locations);
				builder.add(utf8(path, file.getValue()), ResourceType.DRL);
			}
			else if (lower.endsWith(".drl.csv") || lower.endsWith(".drl.xlsx")) {
				ruleFiles++;
				DecisionTableConfiguration config = KnowledgeBuilderFactory.newDecisionTableConfiguration();
				config.setInputType(lower.endsWith(".csv") ? DecisionTableInputType.CSV : DecisionTableInputType.XLSX);
				Resource resource = ResourceFactory.newByteArrayResource(file.getValue()).setSourcePath(path);
				resource.setResourceType(ResourceType.DTABLE);
				try {
					builder.add(resource, ResourceType.DTABLE, config);
				}
				catch (RuntimeException ex) {
					problems.add(new RuleProblem(path, 0, 0, "DECISION_TABLE_ERROR",
							"决策表无法读取 / decision table cannot be read: " + ex.getMessage()));
				}
			}
		}
		if (ruleFiles == 0) {
			problems.add(new RuleProblem("", 0, 0, "NO_RULES", "规则目录中没有 .drl 或决策表文件 / no .drl or decision-table files"));
		}
		for (KnowledgeBuilderError error : builder.getErrors()) {
			problems.add(toProblem(error));
		}
		dropFollowUpNoise(problems);

		if (builder.hasErrors() || ruleFiles == 0) {
			return new Attempt(null, problems);
		}
		Collection<KiePackage> packages = builder.getKnowledgePackages();
		InternalKnowledgeBase knowledgeBase = KnowledgeBaseFactory.newKnowledgeBase();
		knowledgeBase.addPackages(packages);
		List<RuleDescriptor> rules = describe(packages, locations, basis, problems);
		boolean parametersUsable = problems.stream()
			.noneMatch(p -> p.file().equals(ParameterFile.FILE) || p.file().equals(ChecklistProfiles.FILE));
		return new Attempt(parametersUsable ? new Ruleset(source, knowledgeBase, parameters, basis, rules) : null, problems);
	}

	/** The outcome of {@link #attempt}: a usable ruleset or null, and every problem found. */
	record Attempt(Ruleset ruleset, List<RuleProblem> problems) {
	}

	private static Resource utf8(String path, byte[] content) {
		Resource r = ResourceFactory.newReaderResource(
				new java.io.InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8), "UTF-8");
		r.setSourcePath(path);
		r.setResourceType(ResourceType.DRL);
		return r;
	}

	private static void locate(String path, String text, Map<String, RuleLocation> locations) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			Matcher m = RULE_HEADER.matcher(lines[i]);
			if (m.find()) {
				locations.putIfAbsent(m.group(1).replace("\\\"", "\""), new RuleLocation(path, i + 1));
			}
		}
	}

	private static RuleProblem toProblem(KnowledgeBuilderError error) {
		String file = (error.getResource() != null) ? error.getResource().getSourcePath() : "";
		int[] lines = error.getLines();
		int line = (lines != null && lines.length > 0) ? lines[0] : 0;
		int column = 0;
		String message = error.getMessage();
		if (error instanceof ParserError pe) {
			column = pe.getCol() + 1;
		}
		Matcher m = MVEL_POSITION.matcher(message);
		if (column == 0 && m.find()) {
			column = Integer.parseInt(m.group(2)) + 1;
		}
		return new RuleProblem(file, Math.max(line, 0), column, "COMPILE_ERROR",
				"编译错误 / compile error: " + message.strip());
	}

	/** "Parser returned a null Package" only repeats an earlier parser error for the same file. */
	private static void dropFollowUpNoise(List<RuleProblem> problems) {
		problems.removeIf(p -> p.message().contains("Parser returned a null Package")
				&& problems.stream().anyMatch(o -> o != p && o.file().equals(p.file())));
	}

	private static List<RuleDescriptor> describe(Collection<KiePackage> packages, Map<String, RuleLocation> locations,
			BasisCatalogue catalogue, List<RuleProblem> problems) {
		List<RuleDescriptor> rules = new ArrayList<>();
		Map<String, RuleDescriptor> byId = new HashMap<>();
		for (KiePackage pkg : packages) {
			for (Rule rule : pkg.getRules()) {
				RuleLocation at = locations.getOrDefault(rule.getName(), new RuleLocation(resourceOf(rule), 0));
				String id = text(rule.getMetaData().get("id"));
				String basis = text(rule.getMetaData().get("basis"));
				if (id == null || id.isBlank()) {
					problems.add(new RuleProblem(at.file(), at.line(), 0, "MISSING_ID",
							"规则「" + rule.getName() + "」缺少 @id / rule has no @id"));
					continue;
				}
				if (basis == null || basis.isBlank()) {
					problems.add(new RuleProblem(at.file(), at.line(), 0, "MISSING_BASIS",
							"规则 " + id + "「" + rule.getName() + "」缺少 @basis（所依据的文件和条款）/ rule has no @basis", id));
				}
				String part = text(rule.getMetaData().get("part"));
				List<String> clauses = clauses(text(rule.getMetaData().get("clause")));
				if (clauses.isEmpty()) {
					problems.add(new RuleProblem(at.file(), at.line(), 0, "MISSING_CLAUSE", "规则 " + id + "「" + rule.getName()
							+ "」缺少 @clause（basis.yaml 中的条款）/ rule has no @clause naming its clauses in basis.yaml", id));
				}
				for (String c : clauses) {
					if (catalogue.clause(c).isEmpty()) {
						problems.add(new RuleProblem(at.file(), at.line(), 0, "UNKNOWN_CLAUSE", "规则 " + id + " 引用了 basis.yaml 中没有的条款 " + c
								+ " / rule cites a clause not in basis.yaml: " + c, id));
					}
				}
				RuleDescriptor d = new RuleDescriptor(id, (part != null) ? part : "", rule.getName(), basis, clauses, at.file(),
						at.line());
				RuleDescriptor earlier = byId.putIfAbsent(id + "#" + d.part(), d);
				if (earlier != null) {
					problems.add(new RuleProblem(at.file(), at.line(), 0, "DUPLICATE_ID", "规则编号 " + id
							+ (d.part().isEmpty() ? "" : "（部分「" + d.part() + "」）") + " 重复：已用于 " + earlier.file() + ":"
							+ earlier.line() + "「" + earlier.name() + "」；同一编号的多条规则须用 @part 区分 / duplicate @id " + id, id));
				}
				rules.add(d);
			}
		}
		rules.sort(java.util.Comparator.comparing(RuleDescriptor::file).thenComparingInt(RuleDescriptor::line)
			.thenComparing(RuleDescriptor::id));
		return rules;
	}

	private static String resourceOf(Rule rule) {
		if (rule instanceof RuleImpl impl && impl.getResource() != null) {
			return impl.getResource().getSourcePath();
		}
		return "";
	}

	private static List<String> clauses(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(value.split("[,，;；]")).map(String::strip).filter(c -> !c.isEmpty()).toList();
	}

	private static String text(Object value) {
		return (value != null) ? value.toString().strip() : null;
	}

	private record RuleLocation(String file, int line) {
	}

}
