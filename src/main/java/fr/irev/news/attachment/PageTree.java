package fr.irev.news.attachment;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;

/**
 * Walks a page tree by hand, once, depth first in document order: PDFBox trusts each node's {@code
 * /Count} to find a page, and a tree that loops sends it round forever.
 *
 * @param pageCount number of leaves (pages), at least 1
 * @param firstPage the first page's dictionary
 */
record PageTree(int pageCount, COSDictionary firstPage) {

  /**
   * @param catalog the document catalog
   * @param deadline {@link System#nanoTime()} after which the walk stops
   * @return the tree's pages
   * @throws PdfJobException with status {@link PdfStatus#DAMAGED} when the tree is missing, has no
   *     page, a kid that is not a dictionary, or a node reached twice (a loop or a shared node);
   *     {@link PdfStatus#TOO_LARGE} over {@link AttachmentLimits#MAX_PAGE_TREE_NODES} nodes; {@link
   *     PdfStatus#TIMEOUT} after the deadline
   */
  static PageTree walk(COSDictionary catalog, long deadline) {
    COSDictionary root = dictionary(catalog.getDictionaryObject(COSName.PAGES));
    if (root == null) {
      throw damaged("no page tree");
    }
    Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<COSDictionary> toVisit = new ArrayDeque<>();
    toVisit.push(root);
    int pages = 0;
    COSDictionary first = null;
    while (!toVisit.isEmpty()) {
      COSDictionary node = toVisit.pop();
      if (!seen.add(node)) {
        throw damaged("page tree node reached twice");
      }
      if (seen.size() + toVisit.size() > AttachmentLimits.MAX_PAGE_TREE_NODES) {
        throw new PdfJobException(PdfStatus.TOO_LARGE, "page tree too large");
      }
      DeadlineRead.check(deadline);
      COSBase kids = node.getDictionaryObject(COSName.KIDS);
      boolean intermediate = COSName.PAGES.equals(node.getCOSName(COSName.TYPE)) || kids != null;
      if (!intermediate) {
        pages++;
        first = first == null ? node : first;
        continue;
      }
      if (!(kids instanceof COSArray array)) {
        throw damaged("page tree node without kids");
      }
      for (int i = array.size() - 1; i >= 0; i--) {
        COSDictionary kid = dictionary(array.get(i));
        if (kid == null) {
          throw damaged("page tree kid is not a dictionary");
        }
        toVisit.push(kid);
      }
    }
    if (pages == 0) {
      throw damaged("no page");
    }
    return new PageTree(pages, first);
  }

  private static COSDictionary dictionary(COSBase value) {
    COSBase resolved = value instanceof COSObject reference ? reference.getObject() : value;
    return resolved instanceof COSDictionary dictionary ? dictionary : null;
  }

  private static PdfJobException damaged(String why) {
    return new PdfJobException(PdfStatus.DAMAGED, why);
  }
}
