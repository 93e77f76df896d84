package fr.irev.news.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.attachment.AttachmentLimits;
import org.junit.jupiter.api.Test;

/** The small static rules of the servlets. */
class ServletHelpersTest {

  @Test
  void mediaTypesFromTheDamAreCheckedBeforeReachingAHeader() {
    assertEquals("application/pdf", DownloadServlet.mediaType("application/pdf"));
    assertEquals(
        "text/html; charset=UTF-8", DownloadServlet.mediaType(" text/html; charset=UTF-8 "));
    assertEquals("application/octet-stream", DownloadServlet.mediaType(null));
    assertEquals("application/octet-stream", DownloadServlet.mediaType(""));
    assertEquals("application/octet-stream", DownloadServlet.mediaType("pdf"));
    assertEquals(
        "application/octet-stream", DownloadServlet.mediaType("text/html\r\nSet-Cookie: a=b"));
    assertEquals("application/octet-stream", DownloadServlet.mediaType("application/pdf é"));
  }

  @Test
  void onlyPdfAssetsAreRendered() {
    assertTrue(ThumbnailServlet.isPdf("application/pdf"));
    assertTrue(ThumbnailServlet.isPdf("Application/PDF; version=1.7"));
    assertTrue(ThumbnailServlet.isPdf("application/x-pdf"));
    assertFalse(ThumbnailServlet.isPdf("text/html"));
    assertFalse(ThumbnailServlet.isPdf("application/pdfx"));
    assertFalse(ThumbnailServlet.isPdf(null));
  }

  @Test
  void widthsWithinTheConfiguredLimits() {
    AttachmentLimits limits = AttachmentLimits.defaults();
    assertTrue(ThumbnailServlet.withinLimits(80, limits));
    assertTrue(ThumbnailServlet.withinLimits(240, limits));
    assertTrue(ThumbnailServlet.withinLimits(limits.maxWidth(), limits));
    assertFalse(ThumbnailServlet.withinLimits(limits.minWidth(), limits)); // 64: not a step
    assertFalse(ThumbnailServlet.withinLimits(241, limits));
    assertFalse(ThumbnailServlet.withinLimits(40, limits));
    assertFalse(ThumbnailServlet.withinLimits(limits.maxWidth() + 40, limits));
  }

  @Test
  void versionParameterIsASingleNumber() {
    assertEquals(
        java.util.Optional.of(1633337100000L), ThumbnailServlet.version("v=1633337100000"));
    for (String query :
        new String[] {null, "", "v=", "v=-1", "v=1&v=2", "x=1", "v=12345678901234567890", "v=1a"}) {
      assertTrue(ThumbnailServlet.version(query).isEmpty(), String.valueOf(query));
    }
  }

  @Test
  void percentEscapesTakeAsciiHexDigitsOnly() {
    assertTrue(AssetPaths.decodeSegment("%50rogramme.pdf").isPresent());
    assertTrue(AssetPaths.decodeSegment("%\uFF15\uFF10rogramme.pdf").isEmpty());
  }
}
