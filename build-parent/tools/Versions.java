/*
 * Checks (or rewrites) every pom.xml in the repository against versions.txt, the single source of
 * truth for artifact versions.
 *
 *   java build-parent/tools/Versions.java check [repoRoot]   fail on any disagreement
 *   java build-parent/tools/Versions.java sync  [repoRoot]   rewrite poms from versions.txt
 *
 * Rules checked:
 *   1. every bs-options pom (project, parent reference) has the version listed in versions.txt;
 *   2. bs-bom lists every deployable artifact with its versions.txt version;
 *   3. a dependency on a bs-options artifact carries no <version> (it comes from bs-bom), except
 *      where a BOM is imported (build-parent, consumer projects) or in bs-bom itself.
 *
 * Runs with the JDK alone (single-file source launch, JDK 11+); the root pom runs `check` at
 * validate.
 */
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

public final class Versions {
  private static final String GROUP = "io.github.bsoptions";
  private static final Pattern COORD =
      Pattern.compile(
          "(<groupId>io\\.github\\.bsoptions</groupId>\\s*<artifactId>([\\w.-]+)</artifactId>\\s*<version>)([^<]*)(</version>)");

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "check";
    Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
    Map<String, String> versions = new LinkedHashMap<>();
    Set<String> deployable = new LinkedHashSet<>();
    boolean inDeployable = true;
    for (String line : Files.readAllLines(root.resolve("versions.txt"), StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.startsWith("# Not deployed")) {
        inDeployable = false;
      }
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq < 0) {
        throw new IllegalStateException("versions.txt: bad line '" + line + "'");
      }
      versions.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
      if (inDeployable) {
        deployable.add(t.substring(0, eq).strip());
      }
    }
    List<Path> poms;
    try (Stream<Path> s = Files.walk(root)) {
      poms =
          s.filter(p -> p.getFileName().toString().equals("pom.xml"))
              .filter(p -> !root.relativize(p).toString().contains("target"))
              .filter(p -> !root.relativize(p).startsWith(".git"))
              .sorted()
              .collect(Collectors.toList());
    }
    if ("sync".equals(mode)) {
      for (Path pom : poms) {
        sync(pom, versions);
      }
      System.out.println("versions: synced " + poms.size() + " poms from versions.txt");
      return;
    }
    List<String> errors = new ArrayList<>();
    for (Path pom : poms) {
      check(root, pom, versions, deployable, errors);
    }
    if (!errors.isEmpty()) {
      System.err.println("versions.txt disagrees with the poms:");
      errors.forEach(e -> System.err.println("  - " + e));
      System.err.println("Fix versions.txt, then run: java build-parent/tools/Versions.java sync");
      System.exit(1);
    }
    System.out.println(
        "versions: " + poms.size() + " poms agree with versions.txt (" + versions.size() + " artifacts)");
  }

  private static void sync(Path pom, Map<String, String> versions) throws IOException {
    String text = Files.readString(pom, StandardCharsets.UTF_8);
    Matcher m = COORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = versions.getOrDefault(m.group(2), m.group(3));
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + v + m.group(4)));
    }
    m.appendTail(out);
    if (!out.toString().equals(text)) {
      Files.writeString(pom, out.toString(), StandardCharsets.UTF_8);
    }
  }

  private static void check(
      Path root, Path pom, Map<String, String> versions, Set<String> deployable, List<String> errors)
      throws Exception {
    String rel = root.relativize(pom).toString();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    Document doc = f.newDocumentBuilder().parse(pom.toFile());
    Element project = doc.getDocumentElement();
    String artifact = text(project, "artifactId");
    String group = text(project, "groupId");
    Element parent = child(project, "parent");
    if (group == null && parent != null) {
      group = text(parent, "groupId");
    }
    boolean ours = GROUP.equals(group);
    if (ours) {
      String expected = versions.get(artifact);
      String actual = text(project, "version");
      if (expected == null) {
        errors.add(rel + ": artifact " + artifact + " is not listed in versions.txt");
      } else if (!expected.equals(actual)) {
        errors.add(rel + ": " + artifact + " has version " + actual + ", versions.txt says " + expected);
      }
    }
    if (parent != null && GROUP.equals(text(parent, "groupId"))) {
      expect(rel, "parent", text(parent, "artifactId"), text(parent, "version"), versions, errors);
    }
    boolean isBom = "bs-bom".equals(artifact) && ours;
    Set<String> inBom = new LinkedHashSet<>();
    for (Element dep : descendants(project, "dependency")) {
      if (!GROUP.equals(text(dep, "groupId"))) {
        continue;
      }
      String a = text(dep, "artifactId");
      String v = text(dep, "version");
      boolean isImport = "import".equals(text(dep, "scope")) || "pom".equals(text(dep, "type"));
      if (isBom) {
        inBom.add(a);
        expect(rel, "bom entry", a, v, versions, errors);
      } else if (isImport) {
        expect(rel, "BOM import", a, v, versions, errors);
      } else if (v != null) {
        errors.add(rel + ": dependency on " + a + " must not carry a <version> (bs-bom manages it)");
      }
    }
    if (isBom) {
      for (String d : deployable) {
        if (!d.equals("bs-bom") && !d.equals("bs-build-parent") && !inBom.contains(d)) {
          errors.add(rel + ": bs-bom does not list deployable artifact " + d);
        }
      }
    }
  }

  private static void expect(
      String rel, String what, String artifact, String v, Map<String, String> versions, List<String> errors) {
    String expected = versions.get(artifact);
    if (expected == null) {
      errors.add(rel + ": " + what + " " + artifact + " is not listed in versions.txt");
    } else if (!expected.equals(v)) {
      errors.add(rel + ": " + what + " " + artifact + " has version " + v + ", versions.txt says " + expected);
    }
  }

  private static String text(Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().strip();
  }

  private static Element child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
        return (Element) n;
      }
    }
    return null;
  }

  private static List<Element> descendants(Element e, String name) {
    List<Element> out = new ArrayList<>();
    var list = e.getElementsByTagName(name);
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }
}
