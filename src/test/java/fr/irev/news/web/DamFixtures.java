package fr.irev.news.web;

import fr.irev.news.preview.PreviewServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * DAM content for the servlet tests, written into the preview server's repository (public: the
 * browser journeys compare a download with {@link #binary}).
 */
public final class DamFixtures {

  /** The seed brochure (mgnl-bootstrap-samples/irev-news/dam.irev-news.xml). */
  public static final String BROCHURE_ID = "f167e1b0-6149-5e1a-91af-4d859c8a3f33";

  static final String BROCHURE_FILE = "irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf";

  static final long BROCHURE_SIZE = 262_961;

  /** The {@code mgnl:folder} holding the brochure: not an asset. */
  static final String DAM_FOLDER_ID = "ca16bd78-47d4-5163-b519-da3142fac975";

  /** The seed news item, in workspace {@code irev-news}: not in the DAM. */
  static final String NEWS_ITEM_ID = "a1e67bb2-dc12-5871-a210-983baf355328";

  private DamFixtures() {}

  /**
   * @return the bytes of an asset's {@code jcr:content/jcr:data}
   */
  public static byte[] binary(PreviewServer server, String identifier)
      throws RepositoryException, IOException {
    Session dam = server.repository().login("dam");
    try {
      Binary binary =
          dam.getNodeByIdentifier(identifier)
              .getNode("jcr:content")
              .getProperty("jcr:data")
              .getBinary();
      try (InputStream in = binary.getStream()) {
        return in.readAllBytes();
      } finally {
        binary.dispose();
      }
    } finally {
      dam.logout();
    }
  }

  /**
   * Creates an {@code mgnl:asset} under {@code /irev-news} of the DAM, as Magnolia's DAM stores it.
   *
   * @return its identifier
   */
  static String createAsset(
      PreviewServer server,
      String nodeName,
      String fileName,
      String mimeType,
      byte[] data,
      Instant lastModified)
      throws RepositoryException {
    Session dam = server.repository().login("dam");
    try {
      Node asset = dam.getNode("/irev-news").addNode(nodeName, "mgnl:asset");
      asset.setProperty("name", nodeName);
      Node resource = asset.addNode("jcr:content", "mgnl:resource");
      resource.setProperty(
          "jcr:data", dam.getValueFactory().createBinary(new ByteArrayInputStream(data)));
      resource.setProperty("jcr:mimeType", mimeType);
      resource.setProperty("jcr:lastModified", calendar(lastModified));
      resource.setProperty("fileName", fileName);
      int dot = fileName.lastIndexOf('.');
      if (dot > 0) {
        resource.setProperty("extension", fileName.substring(dot + 1));
      }
      resource.setProperty("size", (long) data.length);
      dam.save();
      return asset.getIdentifier();
    } finally {
      dam.logout();
    }
  }

  /** Replaces an asset's binary, keeping (or setting) its {@code jcr:lastModified}. */
  static void replaceBinary(
      PreviewServer server, String identifier, byte[] data, Instant lastModified)
      throws RepositoryException {
    Session dam = server.repository().login("dam");
    try {
      Node resource = dam.getNodeByIdentifier(identifier).getNode("jcr:content");
      resource.setProperty(
          "jcr:data", dam.getValueFactory().createBinary(new ByteArrayInputStream(data)));
      resource.setProperty("jcr:lastModified", calendar(lastModified));
      dam.save();
    } finally {
      dam.logout();
    }
  }

  private static Calendar calendar(Instant instant) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Europe/Paris"));
    calendar.setTimeInMillis(instant.toEpochMilli());
    return calendar;
  }
}
