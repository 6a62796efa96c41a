package org.kaohe.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

/**
 * The site checklist profiles of {@code rules/checklists.yaml}: the Henan six plus online monitoring
 * (the default 七个百分之百), Beijing's six, Zhengzhou's and Tianjin's eight. Which one applies is the
 * parameter {@code checklistProfile}.
 *
 * <pre>
 * profiles:
 *   HENAN_6_PLUS_1:
 *     label: 河南"六个百分之百"+在线监测（七个百分之百）
 *     items:
 *       FENCING: 周边围挡
 *       …
 * </pre>
 */
public final class ChecklistProfiles {

	public static final String FILE = "checklists.yaml";

	private final Map<String, ChecklistProfile> profiles;

	private ChecklistProfiles(Map<String, ChecklistProfile> profiles) {
		this.profiles = profiles;
	}

	/** Parses the file; problems are added to {@code problems}. */
	public static ChecklistProfiles parse(String text, List<RuleProblem> problems) {
		YamlTree yaml = new YamlTree(FILE, problems);
		Map<String, ChecklistProfile> profiles = new LinkedHashMap<>();
		Node root = yaml.parse(text);
		if (root == null) {
			return new ChecklistProfiles(profiles);
		}
		Map<String, Node> top = yaml.mapping(root, "file");
		for (String key : top.keySet()) {
			if (!key.equals("profiles")) {
				yaml.problem(top.get(key), "UNKNOWN_KEY", "未知的键 / unknown key: " + key);
			}
		}
		if (!top.containsKey("profiles")) {
			yaml.problem(root, "MISSING_KEY", "缺少 profiles / missing 'profiles'");
			return new ChecklistProfiles(profiles);
		}
		yaml.mapping(top.get("profiles"), "profiles").forEach((name, node) -> {
			Map<String, Node> p = yaml.mapping(node, "profile " + name);
			String label = p.containsKey("label") ? yaml.scalar(p.get("label"), "label") : name;
			Map<String, String> items = new LinkedHashMap<>();
			if (!p.containsKey("items")) {
				yaml.problem(node, "MISSING_KEY", "清单 " + name + " 缺少 items / profile " + name + " has no items");
			}
			else {
				yaml.mapping(p.get("items"), "items").forEach((code, labelNode) -> {
					if (!code.matches("[A-Z][A-Z0-9_]*")) {
						yaml.problem(labelNode, "BAD_CODE",
								"检查项代码须为大写字母和下划线 / item code must be UPPER_SNAKE: " + code);
					}
					items.put(code, yaml.scalar(labelNode, "item label"));
				});
			}
			for (String k : p.keySet()) {
				if (!k.equals("label") && !k.equals("items") && !k.equals("source")) {
					yaml.problem(p.get(k), "UNKNOWN_KEY", "未知的键 / unknown key: " + k);
				}
			}
			profiles.put(name, new ChecklistProfile(name, label, items));
		});
		return new ChecklistProfiles(profiles);
	}

	public ChecklistProfile get(String name) {
		return this.profiles.get(name);
	}

	public Map<String, ChecklistProfile> all() {
		return this.profiles;
	}

}
