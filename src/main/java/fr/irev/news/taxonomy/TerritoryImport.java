package fr.irev.news.taxonomy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or updates the territories tree of workspace {@value TaxonomyNodes#TERRITORIES_WORKSPACE}
 * from a {@link TerritoryPlan}, idempotently, through plain JCR:
 *
 * <ul>
 *   <li>a territory is found by its stable identifier ({@link TerritoryIds}); its title, caption
 *       ({@link TaxonomyNodes#CAPTION}), code, level and ancestors are rewritten only when they
 *       differ, and it is moved when its parent or name changed: its identifier never changes, so
 *       links from content hold;
 *   <li>new territories are created with their identifier (system view import through {@link
 *       Session#getImportContentHandler}, one call per new subtree);
 *   <li>a territory of an earlier import missing from the plan (a node with a {@code level}) is
 *       never deleted: it gets {@link TaxonomyNodes#OBSOLETE} {@code = true};
 *   <li>nodes staff added by hand (no {@code level}) are left alone.
 * </ul>
 *
 * Changes are saved every {@code batchSize} created or changed nodes and at the end; with {@code
 * batchSize} 0 nothing is saved (the caller saves, e.g. an all-or-nothing install). A second run on
 * the same plan changes nothing and leaves no pending change. The session is the caller's: not
 * logged out here. Cost: linear in the number of territories (3 880 for Hauts-de-France: about a
 * second on first import, less on a re-import).
 */
public final class TerritoryImport {

  /** Saves of the Magnolia task: every 1 000 changed nodes. */
  public static final int DEFAULT_BATCH = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(TerritoryImport.class);

  private final Session session;
  private final int batchSize;
  private int pending;

  /**
   * What an import did.
   *
   * @param created territories created
   * @param updated existing territories whose properties, parent or name changed
   * @param unchanged existing territories left as they were
   * @param obsolete territories newly marked {@link TaxonomyNodes#OBSOLETE}
   * @param millis duration in milliseconds
   */
  public record Result(int created, int updated, int unchanged, int obsolete, long millis) {}

  /**
   * @param session a session on {@value TaxonomyNodes#TERRITORIES_WORKSPACE} with write access
   * @param batchSize save every this many created or changed nodes, ≥ 0; 0: never save
   */
  public TerritoryImport(Session session, int batchSize) {
    if (batchSize < 0) {
      throw new IllegalArgumentException("batchSize " + batchSize);
    }
    this.session = session;
    this.batchSize = batchSize;
  }

  /**
   * Imports the territories file shipped with the module ({@value TerritoryFile#RESOURCE}).
   *
   * @param session a session on {@value TaxonomyNodes#TERRITORIES_WORKSPACE} with write access
   * @param batchSize see {@link #TerritoryImport(Session, int)}
   * @param resources class loader holding the file
   * @return counts
   * @throws IOException when the file is missing or unreadable
   * @throws IllegalArgumentException when the file is inconsistent (nothing is written)
   * @throws RepositoryException on repository failure
   */
  public static Result bundled(Session session, int batchSize, ClassLoader resources)
      throws IOException, RepositoryException {
    return new TerritoryImport(session, batchSize)
        .run(TerritoryPlan.of(TerritoryFile.bundled(resources)));
  }

  /**
   * @param plan the territories, parents before children ({@link TerritoryPlan#of})
   * @return counts, also logged at INFO
   * @throws RepositoryException on repository failure; what was saved before stays (a new run
   *     completes it)
   */
  public Result run(List<TerritoryPlan.Entry> plan) throws RepositoryException {
    long start = System.nanoTime();
    Map<String, Node> existing = new HashMap<>();
    collect(session.getRootNode(), existing);
    Map<String, TerritoryPlan.Entry> planned = new LinkedHashMap<>();
    plan.forEach(entry -> planned.put(entry.identifier(), entry));
    int created = create(plan, existing);
    int updated = 0;
    for (TerritoryPlan.Entry entry : plan) {
      Node node = existing.get(entry.identifier());
      if (node != null && update(node, entry)) {
        updated++;
        changed(1);
      }
    }
    int obsolete = 0;
    for (Map.Entry<String, Node> e : existing.entrySet()) {
      Node node = e.getValue();
      if (!planned.containsKey(e.getKey())
          && node.hasProperty(TaxonomyNodes.LEVEL)
          && !node.hasProperty(TaxonomyNodes.OBSOLETE)) {
        node.setProperty(TaxonomyNodes.OBSOLETE, true);
        obsolete++;
        changed(1);
      }
    }
    if (batchSize > 0 && session.hasPendingChanges()) {
      session.save();
    }
    int unchanged = plan.size() - created - updated;
    Result result =
        new Result(created, updated, unchanged, obsolete, (System.nanoTime() - start) / 1_000_000);
    LOG.info(
        "Territories imported: {} created, {} updated, {} unchanged, {} marked obsolete, in {} ms",
        result.created(),
        result.updated(),
        result.unchanged(),
        result.obsolete(),
        result.millis());
    return result;
  }

  private void collect(Node parent, Map<String, Node> found) throws RepositoryException {
    for (NodeIterator it = parent.getNodes(); it.hasNext(); ) {
      Node child = it.nextNode();
      if (child.isNodeType(TaxonomyNodes.TERRITORY_TYPE)) {
        found.put(child.getIdentifier(), child);
        collect(child, found);
      }
    }
  }

  /** Creates the planned territories that do not exist, one import per new subtree. */
  private int create(List<TerritoryPlan.Entry> plan, Map<String, Node> existing)
      throws RepositoryException {
    Map<String, List<TerritoryPlan.Entry>> newChildren = new HashMap<>();
    List<TerritoryPlan.Entry> subtreeRoots = new ArrayList<>();
    for (TerritoryPlan.Entry entry : plan) {
      if (existing.containsKey(entry.identifier())) {
        continue;
      }
      if (entry.parentId() == null || existing.containsKey(entry.parentId())) {
        subtreeRoots.add(entry);
      } else {
        newChildren.computeIfAbsent(entry.parentId(), k -> new ArrayList<>()).add(entry);
      }
    }
    int created = 0;
    for (TerritoryPlan.Entry root : subtreeRoots) {
      Node parent = root.parentId() == null ? session.getRootNode() : existing.get(root.parentId());
      String name = freeName(parent, root);
      int count = SubtreeImport.create(session, parent, root, name, newChildren);
      created += count;
      changed(count);
    }
    return created;
  }

  /** Moves and rewrites an existing territory where it differs; {@code true} when it changed. */
  private boolean update(Node node, TerritoryPlan.Entry entry) throws RepositoryException {
    boolean changed = false;
    Node parent =
        entry.parentId() == null
            ? session.getRootNode()
            : session.getNodeByIdentifier(entry.parentId());
    Node current = node.getParent();
    boolean sameParent = current.getIdentifier().equals(parent.getIdentifier());
    if (!sameParent || !node.getName().equals(entry.name())) {
      String name = freeName(parent, entry);
      if (!sameParent || !node.getName().equals(name)) {
        String target = (parent.getDepth() == 0 ? "" : parent.getPath()) + "/" + name;
        session.move(node.getPath(), target);
        changed = true;
      }
    }
    changed |= set(node, TaxonomyNodes.TITLE, entry.title());
    changed |= set(node, TaxonomyNodes.CAPTION, entry.caption());
    changed |= set(node, TaxonomyNodes.CODE, entry.code());
    changed |= set(node, TaxonomyNodes.LEVEL, entry.level().code());
    changed |= setAncestors(node, entry.ancestorIds());
    if (node.hasProperty(TaxonomyNodes.OBSOLETE)) {
      node.getProperty(TaxonomyNodes.OBSOLETE).remove();
      changed = true;
    }
    return changed;
  }

  /** The entry's name, or {@code <name>-<code>} when another node of the parent has it. */
  private static String freeName(Node parent, TerritoryPlan.Entry entry)
      throws RepositoryException {
    if (!parent.hasNode(entry.name())) {
      return entry.name();
    }
    Node other = parent.getNode(entry.name());
    return other.getIdentifier().equals(entry.identifier())
        ? entry.name()
        : entry.name() + "-" + Slugs.of(entry.code());
  }

  private static boolean set(Node node, String name, String value) throws RepositoryException {
    if (node.hasProperty(name)
        && !node.getProperty(name).isMultiple()
        && node.getProperty(name).getString().equals(value)) {
      return false;
    }
    if (node.hasProperty(name) && node.getProperty(name).isMultiple()) {
      node.getProperty(name).remove();
    }
    node.setProperty(name, value);
    return true;
  }

  private boolean setAncestors(Node node, List<String> ids) throws RepositoryException {
    String name = TaxonomyNodes.ANCESTORS;
    if (node.hasProperty(name) && node.getProperty(name).isMultiple()) {
      Value[] values = node.getProperty(name).getValues();
      String[] current = new String[values.length];
      for (int i = 0; i < values.length; i++) {
        current[i] = values[i].getString();
      }
      if (Arrays.asList(current).equals(ids)) {
        return false;
      }
    } else if (ids.isEmpty() && !node.hasProperty(name)) {
      return false;
    }
    if (node.hasProperty(name)) {
      node.getProperty(name).remove();
    }
    if (!ids.isEmpty()) {
      node.setProperty(name, ids.toArray(String[]::new), PropertyType.STRING);
    }
    return true;
  }

  private void changed(int count) throws RepositoryException {
    pending += count;
    if (batchSize > 0 && pending >= batchSize) {
      session.save();
      pending = 0;
    }
  }
}
