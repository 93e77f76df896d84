package fr.irev.news.registration;

import fr.irev.news.registration.RegistrationStore.SessionOpener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.jcr.Binary;
import javax.jcr.InvalidItemStateException;
import javax.jcr.ItemExistsException;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret keys that sign cancellation links ({@link CancellationLinks}), kept in the {@value
 * RegistrationNodes#WORKSPACE} workspace so that every public instance sharing that workspace signs
 * and verifies with the same keys.
 *
 * <p>Layout: {@code /_keys} ({@value #NODE_TYPE}; event folders are named {@code
 * [A-Za-z0-9][A-Za-z0-9_-]*}, so a name starting with {@code _} never collides) holds a String
 * property {@value #CURRENT} naming the current key, and one child {@value #NODE_TYPE} per key,
 * named after the key id, with {@value #SECRET} (Binary, {@value #SECRET_BYTES} bytes from {@link
 * SecureRandom}) and {@value #CREATED} (Date). The first {@link #load} creates it.
 *
 * <p>An instance is an immutable snapshot: load it once and keep it. A key added by {@link #rotate}
 * is seen by other instances when they load again (at their next start).
 */
public final class SigningKeys {

  private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

  /** Name of the node holding the keys, under the workspace root. */
  public static final String KEYS = "_keys";

  /** Node type of {@value #KEYS} and of each key. */
  static final String NODE_TYPE = "nt:unstructured";

  /** String: id of the key that signs. */
  static final String CURRENT = "current";

  /** Binary: the key's secret bytes. */
  static final String SECRET = "secret";

  /** Date: when the key was generated. */
  static final String CREATED = "created";

  /** Length of a generated secret in bytes (the HMAC-SHA256 block size is 64, its output 32). */
  public static final int SECRET_BYTES = 32;

  /** Key ids: short, URL- and JCR-name-safe. */
  static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private static final int ATTEMPTS = 5;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Key current;
  private final Map<String, Key> byId;

  private SigningKeys(Key current, List<Key> all) {
    this.current = current;
    Map<String, Key> map = new LinkedHashMap<>();
    for (Key key : all) {
      map.put(key.id(), key);
    }
    map.put(current.id(), current);
    this.byId = Collections.unmodifiableMap(map);
  }

  /** Keys held in memory only (tests, tools): {@code current} signs, all of them verify. */
  static SigningKeys of(Key current, Key... older) {
    return new SigningKeys(current, List.of(older));
  }

  /**
   * Reads the keys, creating {@code /_keys} with one new key on first use. Safe under concurrent
   * first use from several threads, sessions or instances sharing the workspace: they all end up
   * with the same single key (the first {@code /_keys} saved wins; a later duplicate, possible as
   * the workspace root allows same-name siblings, is removed by whoever created it; a save conflict
   * makes the caller read again).
   *
   * @param opener opens a session on the {@value RegistrationNodes#WORKSPACE} workspace (logged out
   *     here), with write access on first use
   * @return the keys, never {@code null}
   * @throws RepositoryException on repository failure, or when {@code /_keys} exists but its
   *     current key is missing or unreadable (never silently replaced: links already sent depend on
   *     it)
   */
  public static SigningKeys load(SessionOpener opener) throws RepositoryException {
    Objects.requireNonNull(opener, "opener");
    for (int attempt = 1; ; attempt++) {
      Session session = opener.open();
      try {
        Node root = session.getRootNode();
        if (root.hasNode(KEYS)) {
          return read(root.getNode(KEYS));
        }
        synchronized (SigningKeys.class) {
          // One creation at a time in this JVM; instances sharing the workspace still race,
          // which create() resolves (the first saved wins) and the retry below absorbs.
          session.refresh(false);
          if (!session.getRootNode().hasNode(KEYS)) {
            create(session);
          }
        }
      } catch (ItemExistsException | InvalidItemStateException | ItemNotFoundException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        LOG.debug("Concurrent creation of the signing keys, reading again", e);
      } finally {
        session.logout();
      }
    }
  }

  /**
   * Generates a new key, makes it the current one and keeps the older ones for verification.
   *
   * @param opener opens a session with write access on the {@value RegistrationNodes#WORKSPACE}
   *     workspace (logged out here)
   * @return the keys after rotation
   * @throws RepositoryException on repository failure ({@link InvalidItemStateException} when
   *     another rotation was saved at the same time: nothing is changed then)
   */
  public static SigningKeys rotate(SessionOpener opener) throws RepositoryException {
    load(opener);
    Session session = opener.open();
    try {
      Node keys = session.getRootNode().getNode(KEYS);
      String id = addKey(session, keys);
      keys.setProperty(CURRENT, id);
      session.save();
      LOG.info("New signing key '{}' is now current", id);
      return read(keys);
    } finally {
      session.logout();
    }
  }

  /**
   * @return the key that signs, never {@code null}
   */
  public Key current() {
    return current;
  }

  /**
   * @param id a key id as found in a token, may be {@code null} or anything
   * @return the key with that id (current or older); empty when unknown
   */
  public Optional<Key> byId(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /** Adds a new {@code /_keys} with one key, saves, and removes it again if another one won. */
  private static void create(Session session) throws RepositoryException {
    Node keys = session.getRootNode().addNode(KEYS, NODE_TYPE);
    keys.setProperty(CURRENT, addKey(session, keys));
    String ours = keys.getIdentifier();
    session.save();
    session.refresh(false);
    NodeIterator siblings = session.getRootNode().getNodes(KEYS);
    if (!siblings.nextNode().getIdentifier().equals(ours)) {
      session.getNodeByIdentifier(ours).remove();
      session.save();
      LOG.debug("Another instance created the signing keys first; ours removed");
    } else {
      LOG.info("Signing keys created at /{}", KEYS);
    }
  }

  private static String addKey(Session session, Node keys) throws RepositoryException {
    byte[] idBytes = new byte[6];
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(idBytes);
    RANDOM.nextBytes(secret);
    String id = "k" + Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
    Node node = keys.addNode(id, NODE_TYPE);
    Binary binary = session.getValueFactory().createBinary(new ByteArrayInputStream(secret));
    node.setProperty(SECRET, binary);
    Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    node.setProperty(CREATED, now);
    return id;
  }

  private static SigningKeys read(Node keys) throws RepositoryException {
    String currentId = keys.hasProperty(CURRENT) ? keys.getProperty(CURRENT).getString() : "";
    List<Key> all = new ArrayList<>();
    Key current = null;
    for (NodeIterator nodes = keys.getNodes(); nodes.hasNext(); ) {
      Node node = nodes.nextNode();
      if (!KEY_ID.matcher(node.getName()).matches() || !node.hasProperty(SECRET)) {
        continue;
      }
      Key key = new Key(node.getName(), secretOf(node));
      all.add(key);
      if (key.id().equals(currentId)) {
        current = key;
      }
    }
    if (current == null) {
      throw new RepositoryException(
          "The current signing key '" + currentId + "' is missing under /" + KEYS);
    }
    return new SigningKeys(current, all);
  }

  private static byte[] secretOf(Node node) throws RepositoryException {
    Binary binary = node.getProperty(SECRET).getBinary();
    try (InputStream in = binary.getStream()) {
      byte[] secret = in.readNBytes(1024);
      if (secret.length < 16) {
        throw new RepositoryException("Signing key '" + node.getName() + "' is too short");
      }
      return secret;
    } catch (IOException e) {
      throw new RepositoryException("Signing key '" + node.getName() + "' is unreadable", e);
    } finally {
      binary.dispose();
    }
  }

  /** One secret key and its id; the secret never leaves this class except as HMAC values. */
  public static final class Key {

    private final String id;
    private final SecretKeySpec secret;

    /**
     * @param id the key id ({@code [A-Za-z0-9_-]{1,32}})
     * @param secret the secret, at least 16 bytes (copied)
     */
    Key(String id, byte[] secret) {
      if (id == null || !KEY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("invalid key id");
      }
      if (secret == null || secret.length < 16) {
        throw new IllegalArgumentException("a secret needs at least 16 bytes");
      }
      this.id = id;
      this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /**
     * @return the key id ({@code [A-Za-z0-9_-]{1,32}}), written in tokens; not secret
     */
    public String id() {
      return id;
    }

    /**
     * HMAC-SHA256 (RFC 2104 with SHA-256, RFC 4868) of {@code data} with this key.
     *
     * @return the 32-byte MAC
     */
    byte[] hmacSha256(byte[] data) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(secret);
        return mac.doFinal(data);
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
      }
    }

    @Override
    public String toString() {
      return "Key[" + id + "]";
    }
  }
}
