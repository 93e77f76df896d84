package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.irev.news.registration.RegistrationStore.SessionOpener;
import fr.irev.news.testing.TestSite;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing keys: created once in the registrations workspace, the same for everyone. */
class SigningKeysTest {

  private static final byte[] DATA = "probe".getBytes(StandardCharsets.US_ASCII);

  private TestSite site;
  private SessionOpener opener;
  private Session session;

  @BeforeEach
  void start() throws Exception {
    site = TestSite.empty();
    opener = () -> site.repository().login(RegistrationNodes.WORKSPACE);
    session = site.session(RegistrationNodes.WORKSPACE);
  }

  @AfterEach
  void stop() throws Exception {
    site.close();
  }

  private long keysNodes() throws RepositoryException {
    session.refresh(false);
    return session.getRootNode().getNodes(SigningKeys.KEYS).getSize();
  }

  @Test
  void firstLoadCreatesOneKeyOfThirtyTwoBytes() throws Exception {
    SigningKeys keys = SigningKeys.load(opener);
    assertEquals(1, keysNodes());
    Node stored = session.getNode("/" + SigningKeys.KEYS);
    assertEquals(keys.current().id(), stored.getProperty(SigningKeys.CURRENT).getString());
    Node key = stored.getNode(keys.current().id());
    try (InputStream in = key.getProperty(SigningKeys.SECRET).getBinary().getStream()) {
      assertEquals(32, in.readAllBytes().length);
    }
    assertEquals(true, keys.current().id().matches("k[A-Za-z0-9_-]{8}"), keys.current().id());
    assertEquals(Optional.of(keys.current()), keys.byId(keys.current().id()));
    assertEquals(Optional.empty(), keys.byId("unknown"));
    assertEquals(Optional.empty(), keys.byId(null));
  }

  @Test
  void laterLoadsReadTheSameKey() throws Exception {
    SigningKeys first = SigningKeys.load(opener);
    SigningKeys again = SigningKeys.load(opener);
    assertEquals(first.current().id(), again.current().id());
    assertArrayEquals(first.current().hmacSha256(DATA), again.current().hmacSha256(DATA));
    assertEquals(1, keysNodes());
  }

  @Test
  void concurrentFirstUseByEightThreadsEndsWithOneKey() throws Exception {
    for (int round = 0; round < 5; round++) {
      List<Callable<SigningKeys>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tasks.add(() -> SigningKeys.load(opener));
      }
      List<SigningKeys> loaded = StoreFixture.atOnce(tasks);
      SigningKeys first = loaded.get(0);
      for (SigningKeys keys : loaded) {
        assertEquals(first.current().id(), keys.current().id(), "round " + round);
        assertArrayEquals(
            first.current().hmacSha256(DATA), keys.current().hmacSha256(DATA), "round " + round);
      }
      assertEquals(1, keysNodes(), "round " + round);
      assertEquals(first.current().id(), SigningKeys.load(opener).current().id());
      session.getNode("/" + SigningKeys.KEYS).remove();
      session.save();
    }
  }

  @Test
  void rotationKeepsOlderKeysForVerification() throws Exception {
    SigningKeys before = SigningKeys.load(opener);
    SigningKeys after = SigningKeys.rotate(opener);
    assertNotEquals(before.current().id(), after.current().id());
    assertEquals(true, after.byId(before.current().id()).isPresent());
    SigningKeys reloaded = SigningKeys.load(opener);
    assertEquals(after.current().id(), reloaded.current().id());
    String old = new CancellationLinks(before).token("e1", "r1", StoreFixture.END.toInstant());
    assertEquals(
        new CancellationLinks.Valid("e1", "r1", StoreFixture.END.toInstant()),
        new CancellationLinks(reloaded).verify(old, StoreFixture.NOW));
  }

  @Test
  void aMissingCurrentKeyIsAnErrorNotANewKey() throws Exception {
    SigningKeys keys = SigningKeys.load(opener);
    session.getNode("/" + SigningKeys.KEYS + "/" + keys.current().id()).remove();
    session.save();
    assertThrows(RepositoryException.class, () -> SigningKeys.load(opener));
  }

  @Test
  void hmacIsRfc4231TestCase1() {
    byte[] secret = new byte[20];
    Arrays.fill(secret, (byte) 0x0b);
    SigningKeys.Key key = new SigningKeys.Key("rfc", secret);
    assertEquals(
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        HexFormat.of().formatHex(key.hmacSha256("Hi There".getBytes(StandardCharsets.US_ASCII))));
    assertEquals("Key[rfc]", key.toString());
  }

  @Test
  void keysNeedAnIdAndSixteenBytes() {
    assertThrows(IllegalArgumentException.class, () -> new SigningKeys.Key("a b", new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> new SigningKeys.Key("", new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> new SigningKeys.Key("k", new byte[15]));
  }
}
