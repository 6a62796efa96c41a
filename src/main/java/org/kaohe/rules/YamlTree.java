package org.kaohe.rules;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML rule file as a node tree that keeps line and column, so every problem in a parameter
 * or checklist file can be reported where it is. Only plain data is allowed: no tags, no anchors
 * expanding into objects.
 */
final class YamlTree {

	private final String file;

	private final List<RuleProblem> problems;

	YamlTree(String file, List<RuleProblem> problems) {
		this.file = file;
		this.problems = problems;
	}

	/** The root node, or null (with a problem recorded) when the text is not valid YAML. */
	Node parse(String text) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		try {
			Node root = new Yaml(options).compose(new StringReader(text));
			if (root == null) {
				problem(null, "EMPTY_FILE", "文件为空 / file is empty");
			}
			return root;
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			int col = (ex.getProblemMark() != null) ? ex.getProblemMark().getColumn() + 1 : 0;
			this.problems.add(new RuleProblem(this.file, line, col, "YAML_SYNTAX",
					"YAML 语法错误 / YAML syntax error: " + ex.getProblem()));
			return null;
		}
		catch (RuntimeException ex) {
			this.problems.add(new RuleProblem(this.file, 0, 0, "YAML_SYNTAX", "YAML 无法解析 / cannot parse YAML: " + ex.getMessage()));
			return null;
		}
	}

	/** Entries of a mapping node in file order; records a problem and returns empty for other nodes. */
	Map<String, Node> mapping(Node node, String what) {
		Map<String, Node> result = new LinkedHashMap<>();
		if (!(node instanceof MappingNode m)) {
			problem(node, "WRONG_TYPE", what + " 应为键值映射 / " + what + " must be a mapping");
			return result;
		}
		for (NodeTuple t : m.getValue()) {
			if (t.getKeyNode() instanceof ScalarNode k) {
				result.put(k.getValue(), t.getValueNode());
			}
			else {
				problem(t.getKeyNode(), "WRONG_TYPE", "键必须是文字 / keys must be plain text");
			}
		}
		return result;
	}

	/** Items of a sequence node; records a problem and returns empty for other nodes. */
	List<Node> sequence(Node node, String what) {
		if (!(node instanceof SequenceNode s)) {
			problem(node, "WRONG_TYPE", what + " 应为列表 / " + what + " must be a list");
			return List.of();
		}
		return s.getValue();
	}

	/** The text of a scalar node, or null (with a problem) for other nodes. */
	String scalar(Node node, String what) {
		if (node instanceof ScalarNode s) {
			return s.getValue();
		}
		problem(node, "WRONG_TYPE", what + " 应为单个值 / " + what + " must be a single value");
		return null;
	}

	static boolean isNull(Node node) {
		return node == null || (node instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("null")
				|| s.getValue().equals("~")) && s.getTag().getValue().endsWith(":null"));
	}

	void problem(Node node, String code, String message) {
		int line = (node != null) ? node.getStartMark().getLine() + 1 : 0;
		int col = (node != null) ? node.getStartMark().getColumn() + 1 : 0;
		this.problems.add(new RuleProblem(this.file, line, col, code, message));
	}

	static int line(Node node) {
		return (node != null) ? node.getStartMark().getLine() + 1 : 0;
	}

	String file() {
		return this.file;
	}

}
