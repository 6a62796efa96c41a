package org.kaohe.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kaohe.rules.RuleProblem;

/**
 * Refuses rule files that reach beyond the fact model: a rule may import only Kaohe's fact vocabulary
 * and standard value types, and its code may not touch {@code System}, {@code Runtime}, processes,
 * threads, reflection, class loading, files, the network, the engine's internals, or MVEL features
 * that do the same by other means. Every refusal names the file, line and the offending code.
 *
 * <p>Policy staff edit these files and an approver activates them; the guard makes sure that neither a
 * mistake nor a malicious edit can make the service do anything but evaluate facts. Files it refuses
 * are never compiled into a ruleset that runs, not even for the scenario checks.
 */
public final class CodeGuard {

	/** Imports a rule file may use: the fact vocabulary and standard value types. */
	private static final List<Pattern> ALLOWED_IMPORTS = List.of(
			Pattern.compile("org\\.kaohe\\.facts\\.[\\w.*]+"),
			Pattern.compile("org\\.kaohe\\.outcome\\.[\\w.*]+"),
			Pattern.compile("org\\.kaohe\\.rules\\.(Parameters|Ladder|Ladder\\.Band|Tiers|Tiers\\.Tier|ChecklistProfile|IndicatorDefinition)"),
			Pattern.compile("java\\.util\\.(List|Map|Set|Collection|ArrayList|HashMap|HashSet|LinkedHashMap|LinkedHashSet|TreeMap|"
					+ "TreeSet|Arrays|Collections|Objects|Optional|Comparator)"),
			Pattern.compile("java\\.time\\.[\\w.*]+"),
			Pattern.compile("java\\.math\\.(BigDecimal|BigInteger|RoundingMode)"),
			Pattern.compile("java\\.lang\\.(Math|String|Integer|Long|Double|Boolean|Number|StringBuilder)"));

	private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(?:function\\s+|static\\s+)?(\\w+(?:\\.\\w+)*(?:\\.\\*)?)");

	private static final Pattern FORBIDDEN_PACKAGES = Pattern.compile("\\b(java\\s*\\.\\s*(io|nio|net|sql|rmi|beans|security|"
			+ "lang\\s*\\.\\s*(reflect|invoke|management|instrument|ref)|util\\s*\\.\\s*(concurrent|logging|jar|zip|prefs))"
			+ "|javax|jdk|sun|com\\s*\\.\\s*sun|org\\s*\\.\\s*(springframework|kie|drools|mvel2|apache|h2|postgresql|yaml)"
			+ "|kaohe\\s*\\.\\s*(engine|evaluation|ingest|api|system|ruleset|cli|scenario))\\b");

	private static final Pattern FORBIDDEN_NAMES = Pattern.compile("\\b(System|Runtime|ProcessBuilder|Process|ProcessHandle|Thread|"
			+ "ThreadGroup|ThreadLocal|ClassLoader|Class|Unsafe|SecurityManager|ScriptEngine|ScriptEngineManager|InitialContext|"
			+ "MethodHandles|MethodHandle|Proxy|Executors|ForkJoinPool|Files|Paths|Path|File|FileInputStream|FileOutputStream|"
			+ "Socket|ServerSocket|URL|URI|HttpClient|RuleSource|MVEL|ParserContext|drools|kcontext)\\b");

	private static final Pattern FORBIDDEN_MEMBERS = Pattern.compile("\\.\\s*(class|getClass|getClassLoader|forName|getDeclared\\w*|"
			+ "getMethod|getMethods|getField|getFields|getConstructor\\w*|newInstance|invoke|setAccessible|exec|exit|halt|"
			+ "load|loadLibrary|getRuntime|defineClass|getKieRuntime|getWorkingMemory|getKnowledgeRuntime)\\b");

	private static final Pattern MVEL_TRICKS = Pattern.compile("(\\bdef\\s+\\w+\\s*\\(|@\\{|\\$\\{|\\[\\s*['\"]\\s*(class|getClass|classLoader)"
			+ "\\s*['\"]\\s*\\]|\\\\u[0-9a-fA-F]{4})");

	private CodeGuard() {
	}

	/**
	 * Checks rule texts (DRL, and the DRL decision tables generate) and returns every refusal.
	 */
	public static List<RuleProblem> check(Map<String, String> texts) {
		List<RuleProblem> problems = new ArrayList<>();
		texts.forEach((file, text) -> check(file, text, problems));
		return problems;
	}

	/** The files with at least one refusal. */
	public static Set<String> refusedFiles(List<RuleProblem> problems) {
		Set<String> files = new java.util.TreeSet<>();
		problems.stream().filter(p -> p.code().startsWith("FORBIDDEN")).forEach(p -> files.add(p.file()));
		return files;
	}

	private static void check(String file, String text, List<RuleProblem> problems) {
		String withoutComments = SourceMask.mask(text, false);
		String code = SourceMask.mask(text, true);
		String[] codeLines = code.split("\n", -1);
		String[] rawLines = text.split("\n", -1);
		String[] commentFreeLines = withoutComments.split("\n", -1);
		for (int i = 0; i < codeLines.length; i++) {
			String line = codeLines[i];
			int lineNo = i + 1;
			Matcher imp = IMPORT.matcher(line);
			while (imp.find()) {
				String target = imp.group(1);
				if (ALLOWED_IMPORTS.stream().noneMatch(p -> p.matcher(target).matches())) {
					problems.add(refusal(file, lineNo, imp.start(1), "FORBIDDEN_IMPORT", "只能导入事实模型和标准值类型，不能导入 " + target,
							"only the fact model and standard value types may be imported, not " + target, rawLines[i]));
				}
			}
			find(FORBIDDEN_PACKAGES, line, file, lineNo, rawLines[i], "不得使用文件、网络、反射、并发或系统内部的包",
					"packages for files, network, reflection, concurrency or system internals are forbidden", problems);
			find(FORBIDDEN_NAMES, line, file, lineNo, rawLines[i], "不得使用系统、进程、线程、类加载、文件或引擎内部对象",
					"System, Runtime, processes, threads, class loading, files and engine internals are forbidden", problems);
			find(FORBIDDEN_MEMBERS, line, file, lineNo, rawLines[i], "不得通过反射、类加载或退出、执行等方法绕过限制",
					"reflection, class loading, exit and exec members are forbidden", problems);
			find(MVEL_TRICKS, commentFreeLines[i], file, lineNo, rawLines[i], "不得使用 MVEL 函数定义、模板、Unicode 转义或按名称访问类",
					"MVEL function definitions, templates, unicode escapes and by-name class access are forbidden", problems);
		}
	}

	private static void find(Pattern pattern, String line, String file, int lineNo, String raw, String zh, String en,
			List<RuleProblem> problems) {
		Matcher m = pattern.matcher(line);
		if (m.find()) {
			problems.add(refusal(file, lineNo, m.start(), "FORBIDDEN_CODE", zh + "（" + m.group().strip() + "）",
					en + " (" + m.group().strip() + ")", raw));
		}
	}

	private static RuleProblem refusal(String file, int line, int column, String code, String zh, String en, String raw) {
		return new RuleProblem(file, line, column + 1, code, "规则文件安全检查未通过：" + zh + " / rule file refused: " + en
				+ " — 第" + line + "行 / line " + line + ": " + raw.strip());
	}

}
