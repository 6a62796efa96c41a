package org.kaohe.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code rules/basis.yaml}: the documents and clauses rules rest on, with their text (verbatim where
 * Kaohe has it, a marked summary otherwise). Rules point at clauses with {@code @clause("DOC.clause, …")};
 * explanations quote them.
 */
public final class BasisCatalogue {

	public static final String FILE = "basis.yaml";

	private final Map<String, Clause> clauses;

	private BasisCatalogue(Map<String, Clause> clauses) {
		this.clauses = clauses;
	}

	public static BasisCatalogue empty() {
		return new BasisCatalogue(Map.of());
	}

	/** Parses the file; problems are added to {@code problems}. */
	public static BasisCatalogue parse(String text, List<RuleProblem> problems) {
		YamlTree yaml = new YamlTree(FILE, problems);
		Map<String, Clause> clauses = new LinkedHashMap<>();
		Node root = yaml.parse(text);
		if (root == null) {
			return new BasisCatalogue(clauses);
		}
		Map<String, Node> top = yaml.mapping(root, "file");
		if (!top.containsKey("documents")) {
			yaml.problem(root, "MISSING_KEY", "缺少 documents / missing 'documents'");
			return new BasisCatalogue(clauses);
		}
		yaml.mapping(top.get("documents"), "documents").forEach((docId, docNode) -> {
			Map<String, Node> doc = yaml.mapping(docNode, "document " + docId);
			String title = doc.containsKey("title") ? yaml.scalar(doc.get("title"), "title") : null;
			if (title == null) {
				yaml.problem(docNode, "MISSING_KEY", "文件 " + docId + " 缺少 title / document has no title");
			}
			String issuer = doc.containsKey("issuer") ? yaml.scalar(doc.get("issuer"), "issuer") : "";
			String source = doc.containsKey("source") ? yaml.scalar(doc.get("source"), "source") : "";
			if (!doc.containsKey("clauses")) {
				yaml.problem(docNode, "MISSING_KEY", "文件 " + docId + " 缺少 clauses / document has no clauses");
				return;
			}
			yaml.mapping(doc.get("clauses"), "clauses").forEach((clauseId, clauseNode) -> {
				Map<String, Node> c = yaml.mapping(clauseNode, "clause " + clauseId);
				String label = c.containsKey("label") ? yaml.scalar(c.get("label"), "label") : clauseId;
				String body = c.containsKey("text") ? yaml.scalar(c.get("text"), "text") : null;
				if (body == null || body.isBlank()) {
					yaml.problem(clauseNode, "MISSING_KEY", "条款 " + docId + "." + clauseId + " 缺少 text / clause has no text");
				}
				boolean verbatim = c.containsKey("verbatim") && "true".equals(yaml.scalar(c.get("verbatim"), "verbatim"));
				clauses.put(docId + "." + clauseId, new Clause(docId + "." + clauseId, title, issuer, source, label, body, verbatim));
			});
		});
		return new BasisCatalogue(clauses);
	}

	public Optional<Clause> clause(String id) {
		return Optional.ofNullable(this.clauses.get(id.strip()));
	}

	public Map<String, Clause> all() {
		return this.clauses;
	}

	/**
	 * A clause a rule rests on.
	 *
	 * @param id {@code DOC.clause}
	 * @param document the document's title
	 * @param issuer who issued it
	 * @param source where Kaohe took it from (domain.md markers)
	 * @param label the clause's heading (第九十九条 …)
	 * @param text the clause's text or a summary of it
	 * @param verbatim whether {@code text} is the original wording
	 */
	public record Clause(String id, String document, String issuer, String source, String label, String text,
			boolean verbatim) {

		/** "《…》第九十九条：……" with 要点 marking summaries. */
		public String quote() {
			return this.document + this.label + (this.verbatim ? "：" : "（要点）：") + this.text;
		}

	}

}
