package fr.irev.news.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.text.Normalizer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses of the download and thumbnail servlets, read from the raw request target. */
class AssetPathsTest {

  static final String ID = "f167e1b0-6149-5e1a-91af-4d859c8a3f33";
  static final String FILE = "irev-plaquette-journee-approfondissement-ptlcd-nov-2021.pdf";

  @Test
  void downloadAddress() {
    assertEquals(
        Optional.of(new AssetPaths.Download(ID, FILE)), AssetPaths.download("/" + ID + "/" + FILE));
  }

  @Test
  void downloadFileNameIsPercentDecodedAsUtf8() {
    assertEquals(
        Optional.of(new AssetPaths.Download(ID, "Programme journée d'étude – 30 nov 2021.pdf")),
        AssetPaths.download(
            "/"
                + ID
                + "/Programme%20journ%C3%A9e%20d%27%C3%A9tude%20%E2%80%93%2030%20nov%202021.pdf"));
    assertEquals(
        "a+b.pdf", AssetPaths.download("/" + ID + "/a+b.pdf").orElseThrow().fileName(), "+ is +");
  }

  @Test
  void downloadFileNameIsNfcNormalised() {
    String nfd = Normalizer.normalize("étude.pdf", Normalizer.Form.NFD);
    assertEquals(
        "étude.pdf",
        AssetPaths.download("/" + ID + "/" + AssetPaths.encodeSegment(nfd))
            .orElseThrow()
            .fileName());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "/",
        "/" + ID,
        "/" + ID + "/",
        "//" + FILE,
        "/" + ID + "/" + FILE + "/",
        "/" + ID + "/a/" + FILE,
        ID + "/" + FILE,
        "/F167E1B0-6149-5E1A-91AF-4D859C8A3F33/" + FILE,
        "/jcr:" + ID + "/" + FILE,
        "/f167e1b0-6149-5e1a-91af-4d859c8a3f3/" + FILE,
        "/f167e1b0-6149-5e1a-91af-4d859c8a3f33x/" + FILE,
        "/%66167e1b0-6149-5e1a-91af-4d859c8a3f33/" + FILE,
        "/" + ID + "/..",
        "/" + ID + "/.",
        "/" + ID + "/%2E%2E",
        "/" + ID + "/%2e",
        "/" + ID + "/..%2F..%2Fetc%2Fpasswd",
        "/" + ID + "/a%2Fb.pdf",
        "/" + ID + "/a%5Cb.pdf",
        "/" + ID + "/a%00.pdf",
        "/" + ID + "/a.pdf%00.html",
        "/" + ID + "/a%0D%0ASet-Cookie:x.pdf",
        "/" + ID + "/a%ZZ.pdf",
        "/" + ID + "/a%2.pdf",
        "/" + ID + "/a%",
        "/" + ID + "/%C3%28.pdf",
        "/" + ID + "/%ED%A0%80.pdf",
        "/" + ID + "/%C0%AE%C0%AE",
        "/../" + ID + "/" + FILE,
      })
  void malformedDownloadAddressesAreRefused(String raw) {
    assertEquals(Optional.empty(), AssetPaths.download(raw));
  }

  @Test
  void thumbnailAddress() {
    assertEquals(
        Optional.of(new AssetPaths.ThumbnailRequest(ID, 240)),
        AssetPaths.thumbnail("/" + ID + "/240.png"));
    assertEquals(99_999, AssetPaths.thumbnail("/" + ID + "/99999.png").orElseThrow().width());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "/" + ID + "/0.png",
        "/" + ID + "/0240.png",
        "/" + ID + "/-240.png",
        "/" + ID + "/+240.png",
        "/" + ID + "/240.PNG",
        "/" + ID + "/240.jpg",
        "/" + ID + "/240",
        "/" + ID + "/.png",
        "/" + ID + "/24a.png",
        "/" + ID + "/2%340.png",
        "/" + ID + "/240.5.png",
        "/" + ID + "/100000.png",
        "/" + ID + "/99999999999999999999.png",
        "/" + ID + "/240.png/x",
        "/" + ID + "/240.png%00",
        "/nope/240.png",
        "/" + ID + "/..",
      })
  void malformedThumbnailAddressesAreRefused(String raw) {
    assertEquals(Optional.empty(), AssetPaths.thumbnail(raw));
  }

  @Test
  void rawPathInfoIsTheEncodedRestAfterContextAndServletPath() {
    HttpServletRequest request = mock(HttpServletRequest.class);
    when(request.getRequestURI()).thenReturn("/site/.irev-news/download/" + ID + "/a%2Fb.pdf");
    when(request.getContextPath()).thenReturn("/site");
    when(request.getServletPath()).thenReturn("/.irev-news/download");
    assertEquals("/" + ID + "/a%2Fb.pdf", AssetPaths.rawPathInfo(request));
  }

  @Test
  void rawPathInfoRefusesAnEncodedServletPrefix() {
    HttpServletRequest request = mock(HttpServletRequest.class);
    when(request.getRequestURI()).thenReturn("/.irev-news/%64ownload/" + ID + "/a.pdf");
    when(request.getContextPath()).thenReturn("");
    when(request.getServletPath()).thenReturn("/.irev-news/download");
    assertNull(AssetPaths.rawPathInfo(request));
  }

  @Test
  void sameFileNameIgnoresOnlyTheUnicodeNormalForm() {
    assertTrue(
        AssetPaths.sameFileName(
            "étude.pdf", Normalizer.normalize("étude.pdf", Normalizer.Form.NFD)));
    assertFalse(AssetPaths.sameFileName("Etude.pdf", "étude.pdf"));
    assertFalse(AssetPaths.sameFileName("ETUDE.PDF", "etude.pdf"));
    assertFalse(AssetPaths.sameFileName("a.pdf", null));
  }

  @Test
  void decodeSegmentIsStrict() {
    assertEquals(Optional.of("é"), AssetPaths.decodeSegment("%c3%a9"));
    assertEquals(
        Optional.of("é"), AssetPaths.decodeSegment("é"), "already decoded by the container");
    assertEquals(Optional.empty(), AssetPaths.decodeSegment("%c3"));
    assertEquals(Optional.empty(), AssetPaths.decodeSegment("%"));
  }

  @Test
  void downloadPathsRoundTrip() {
    String name = "Programme journée d'étude – 30 nov 2021.pdf";
    String path = DownloadServlet.path(ID, name);
    assertEquals(
        "/.irev-news/download/"
            + ID
            + "/Programme%20journ%C3%A9e%20d%27%C3%A9tude%20%E2%80%93%2030%20nov%202021.pdf",
        path);
    assertEquals(
        Optional.of(new AssetPaths.Download(ID, name)),
        AssetPaths.download(path.substring("/.irev-news/download".length())));
    assertEquals("/.irev-news/thumbnail/" + ID + "/240.png", ThumbnailServlet.path(ID, 240));
  }
}
