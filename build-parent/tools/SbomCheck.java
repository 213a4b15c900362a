import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a module's CycloneDX SBOM against Maven's own runtime dependency list (reliability.md
 * every compile/runtime dependency, transitive ones included, appears in {@code bom.json} as
 * a component, and the SBOM lists nothing else. Run by build-parent at verify:
 *
 * <pre>java SbomCheck.java target/bom.json target/runtime-dependencies.txt offline=false g:a:v</pre>
 *
 * <p>The CycloneDX plugin generates nothing when Maven runs offline ({@code -o}); {@code
 * offline=true} then skips the check with a message (CI runs online).
 */
public final class SbomCheck {
  private static final Pattern PURL =
      Pattern.compile("\"purl\"\\s*:\\s*\"pkg:maven/([^/\"]+)/([^@\"]+)@([^?\"]+)");
  private static final Pattern LIST_LINE =
      Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):[^:\\s]+(?::[^:\\s]+)?:([^:\\s]+):(compile|runtime)");

  public static void main(String[] args) throws IOException {
    Path bom = Path.of(args[0]);
    Path list = Path.of(args[1]);
    if (args.length > 2 && args[2].equals("offline=true")) {
      System.out.println("sbom: Maven is offline, so no SBOM was generated; check skipped");
      return;
    }
    String self = args[3];
    String json = Files.readString(bom);
    // Every package URL but the module's own (metadata.component); the dependency graph uses refs.
    Set<String> inBom = new TreeSet<>();
    Matcher m = PURL.matcher(json);
    while (m.find()) {
      inBom.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3));
    }
    if (!inBom.remove(self)) {
      System.err.println("SBOM " + bom + " does not name the module " + self);
      System.exit(1);
    }
    Set<String> inList = new TreeSet<>();
    List<String> lines = Files.readAllLines(list);
    for (String line : lines) {
      Matcher l = LIST_LINE.matcher(line);
      if (l.find()) {
        inList.add(l.group(1) + ":" + l.group(2) + ":" + l.group(3));
      }
    }
    Set<String> missing = new TreeSet<>(inList);
    missing.removeAll(inBom);
    Set<String> extra = new TreeSet<>(inBom);
    extra.removeAll(inList);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      System.err.println("SBOM " + bom + " disagrees with " + list);
      System.err.println("  missing from the SBOM: " + missing);
      System.err.println("  in the SBOM only: " + extra);
      System.exit(1);
    }
    System.out.println(
        "sbom: " + bom + " lists all " + inList.size() + " runtime dependencies");
  }
}
